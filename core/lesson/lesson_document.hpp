#pragma once
// The front matter of a lesson (lessons/<slug>/lesson.md) as lesson tools read and write it:
// the fields import and redaction own, typed, beside every field a trainer wrote.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lesson/step_detection.hpp"

namespace lectern::lesson {

/// One step of the storyboard: a chapter of the video.
struct Chapter {
    double at = 0;          ///< seconds: where the player jumps
    std::string title;      ///< the caption, which the trainer edits
    std::string frame;      ///< key frame, relative to the lesson folder
    std::string thumbnail;  ///< relative to the lesson folder
    std::optional<Box> box;
    double frame_at = 0;  ///< seconds: the moment the key frame shows
};

enum class RedactStyle { Pixelate, Blur };

/// A part of the picture to hide for a time: customers' names, card numbers.
struct RedactionRegion {
    Box box;
    double from = 0;
    double to = -1;  ///< negative: until the end
    RedactStyle style = RedactStyle::Pixelate;
    std::string note;  ///< what it hides, for the trainer; not part of the applied digest

    bool covers(double t) const noexcept { return t >= from && (to < 0 || t <= to); }
};

/// lesson.md split into what lesson tools use. `fields` keeps every front-matter field,
/// in the order the writer puts them, so what a trainer added survives a rewrite.
struct LessonDocument {
    nlohmann::json fields = nlohmann::json::object();
    std::string body;

    std::vector<Chapter> chapters() const;
    void set_chapters(const std::vector<Chapter>& chapters);
    /// The regions to redact. Throws Error(InvalidContent) naming the region when one is
    /// malformed (lint reports the same with its line).
    std::vector<RedactionRegion> regions() const;
    /// Replaces `redact` with `regions` (times to the hundredth of a second; `to` left out
    /// when the region lasts until the end); no regions removes the field.
    void set_regions(const std::vector<RedactionRegion>& regions);
    std::string video() const;
};

/// Reads lessons/<slug>/lesson.md. Throws Error(InvalidContent) at file:line when its front
/// matter cannot be read, Error(Io) when the file cannot.
LessonDocument read_lesson_document(const std::filesystem::path& lesson_md);

/// The whole file: front matter in a fixed field order (id, type, title … chapters, redact),
/// then the body. Comments in the front matter are not kept.
std::string to_markdown(const LessonDocument& doc);

/// A digest of the regions as they would be applied, so lint can tell whether the video was
/// redacted with exactly these regions.
std::string regions_digest(const std::vector<RedactionRegion>& regions);

/// "pixelate" or "blur".
std::string_view to_string(RedactStyle style);

}  // namespace lectern::lesson
