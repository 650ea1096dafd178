#pragma once
// What an agent has seen of each lesson, kept on this machine between sessions: the player
// and the storyboard add to it as they go, and completion is judged from it (never from a
// flag a front end passes). One small JSON file per lesson:
//
//   $XDG_DATA_HOME/lectern/spaces/<space>/lesson-viewing/<lesson-id>.json
//
// Progress belongs to one version of the lesson (the blob id of its lesson.md): a new version
// has other steps, so it starts from nothing, as a sign-off does.

#include <filesystem>
#include <string>
#include <string_view>

#include "lesson/completion.hpp"

namespace lectern::lesson {

/// The file of `lesson_id` in `space`. Throws Error(InvalidArgument) when the space name or
/// the lesson id could not be a file name (a slash, "..", or empty).
std::filesystem::path viewing_file(std::string_view space, std::string_view lesson_id);

/// The progress recorded for `version` of the lesson, with `duration` and `step_count` of
/// that version. Nothing seen when there is no file, it was recorded on another version, or
/// it cannot be read (logged: a damaged file must not stop anyone from learning).
ViewingProgress load_viewing(const std::filesystem::path& file, std::string_view version,
                             double duration, std::size_t step_count);

/// Writes `progress` for `version` atomically (temporary file, fsync, rename), with the
/// played stretches merged. Throws Error(Io) naming the file.
void save_viewing(const std::filesystem::path& file, std::string_view version,
                  const ViewingProgress& progress);

/// The played stretches sorted and merged where they overlap or touch (within `gap`
/// seconds), so the file stays small however often the agent pauses and seeks.
std::vector<std::pair<double, double>> merged_spans(std::vector<std::pair<double, double>> spans,
                                                    double gap = 0.5);

}  // namespace lectern::lesson
