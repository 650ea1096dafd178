#pragma once
// Redaction regions drawn in an app rather than typed: whether a lesson may be edited where
// it lies, checking the regions against the video, and saving them into lesson.md's front
// matter (every other field and the body kept, the file replaced atomically).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lesson/lesson_document.hpp"

namespace lectern::lesson {

/// Whether the regions of a lesson may be edited in place, and if not, why.
enum class RegionEditing {
    Allowed,      ///< a folder the trainer authors in (`--space DIR`, a clone of their own)
    SyncedCopy,   ///< the copy sync keeps of a server's space: read-only, replaced on sync
    SampleCopy,   ///< the sample content copied for offline use
    NotWritable,  ///< lesson.md or its folder cannot be written by this user
    NotALesson,   ///< lesson.md is missing
};

/// Decides whether the regions of `lesson_md` (lessons/<slug>/lesson.md in the space at
/// `space_root`) may be edited here. Never throws.
RegionEditing region_editing(const std::filesystem::path& space_root,
                             const std::filesystem::path& lesson_md);

/// What the video a region must fit: width and height in pixels, duration in seconds (0 when
/// unknown: times are then not checked against it).
struct VideoFrame {
    int width = 0;
    int height = 0;
    double duration = 0;
};

/// The frame of the lesson's video as its front matter records it.
VideoFrame video_frame(const LessonDocument& doc);

/// Why region `index` (from 0) cannot be saved for `frame` ("redaction region 2 reaches
/// outside the 640x360 picture…"), or nullopt when it can.
std::optional<std::string> region_problem(const RedactionRegion& region, std::size_t index,
                                          const VideoFrame& frame);

/// Replaces the `redact` list of `lesson_md` with `regions` (none: the field is removed),
/// keeping every other front-matter field and the body; `redaction_applied` is left as it
/// is, so lint reports the regions as not applied until `lectern lesson redact` runs. The
/// file is written to a temporary file beside it and renamed over it, so a crash leaves the
/// old file or the new one, never half of one. Throws Error(InvalidArgument) naming the
/// first region that does not fit the video (nothing is written), Error(InvalidContent) at
/// file:line when the front matter cannot be read, Error(Io) when the file cannot be written.
void save_regions(const std::filesystem::path& lesson_md,
                  const std::vector<RedactionRegion>& regions);

/// True when the video has the regions under `redact` applied exactly (`redaction_applied`
/// holds their digest), or none are listed. Throws Error(InvalidContent) like regions().
bool regions_applied(const LessonDocument& doc);

/// The command that applies the regions of lessons/<slug>:
/// `lectern lesson redact lessons/SLUG --original RECORDING --space DIR`.
std::string redact_command(const std::filesystem::path& space_root, const std::string& slug);

}  // namespace lectern::lesson
