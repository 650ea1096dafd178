#pragma once
// Lint of lessons: what `lectern lint` checks in lessons/<slug>/ beyond the schema.

#include <filesystem>

#include "common/diagnostic.hpp"
#include "content/document.hpp"

namespace lectern::lesson {

/// Checks one lesson of the space at `space_root`: its video is there and is the one import
/// or redaction wrote (video_sha256, also through a Git LFS pointer), the regions under
/// `redact` were applied to it, key frames exist, chapter and transcript times fall within
/// the video, boxes within the picture, chapters in time order.
void lint_lesson(const std::filesystem::path& space_root, const content::Document& doc,
                 Diagnostics& out);

}  // namespace lectern::lesson
