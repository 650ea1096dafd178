#pragma once
// `lectern lesson redact`: applies the regions listed in a lesson's front matter to its
// video and key frames.

#include <filesystem>
#include <string>

#include "lesson/progress.hpp"
#include "lesson/redaction.hpp"

namespace lectern::lesson {

struct RedactLessonOptions {
    std::filesystem::path space_root;
    std::string slug;
    /// The unredacted recording, kept outside the space. May be empty while the lesson's
    /// own video has never been redacted (right after the first import).
    std::filesystem::path original;
    RedactOptions redact;
};

struct RedactLessonReport {
    std::filesystem::path lesson_file;
    std::size_t regions = 0;
    std::size_t key_frames = 0;
    long long frames = 0;
    bool audio = false;  ///< the audio track was kept
    bool cancelled = false;
};

/// Writes the lesson's video again from the original with every region hidden, writes every
/// key frame again from the redacted picture, and records redaction_applied and the new
/// video's sha256 in lesson.md. Nothing changes unless it all succeeds. Throws Error when
/// the lesson declares no regions, when the original is needed but not given or lies inside
/// the space, when it is not the recording of this lesson (its length differs), and like
/// write_redacted_video().
RedactLessonReport redact_lesson(const RedactLessonOptions& options, const Progress& progress = {});

}  // namespace lectern::lesson
