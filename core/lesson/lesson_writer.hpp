#pragma once
// What import and redaction write into a lesson folder besides the video.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "lesson/lesson_document.hpp"
#include "lesson/video_info.hpp"

namespace lectern::lesson {

/// Writes the bytes to `file`, replacing it. Throws Error(Io).
void write_file(const std::filesystem::path& file, const std::vector<unsigned char>& bytes);
void write_file(const std::filesystem::path& file, std::string_view text);

/// Sets video, video_sha256 (of `video_file`), duration, width and height, and
/// redaction_applied (the digest of `applied`, or no such field when none were applied).
void set_media_fields(LessonDocument& doc, const std::filesystem::path& video_file,
                      const std::string& video_name, const VideoInfo& info,
                      const std::vector<RedactionRegion>& applied);

}  // namespace lectern::lesson
