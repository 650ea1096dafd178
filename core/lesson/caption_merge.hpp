#pragma once
// A re-import finds the steps again; the captions a trainer wrote stay with the step at
// (about) the same time.

#include <string>
#include <vector>

#include "lesson/lesson_document.hpp"

namespace lectern::lesson {

/// The caption a step gets before a trainer writes one: "Start", "Step 2", "Step 3"…
std::string default_caption(std::size_t index);

struct CaptionMerge {
    std::vector<Chapter> chapters;
    std::size_t kept = 0;  ///< captions carried over from the previous chapters
    /// Captions a trainer wrote whose step was not found again, as "1:05 Open the form".
    std::vector<std::string> dropped;
};

/// Chapters for `steps`, each with the caption of the previous chapter nearest in time
/// within `tolerance` seconds (each previous caption used once, closest pairs first), else
/// a default caption. Frame and thumbnail names are frames/step-NNN.jpg and .thumb.jpg.
CaptionMerge merge_captions(const std::vector<DetectedStep>& steps,
                            const std::vector<Chapter>& previous, double tolerance = 1.0);

/// The key frame file of step `index` (from 0) relative to the lesson folder, and its
/// thumbnail.
std::string frame_name(std::size_t index);
std::string thumbnail_name(std::size_t index);

}  // namespace lectern::lesson
