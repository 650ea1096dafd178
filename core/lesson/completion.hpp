#pragma once
// When an agent has completed a lesson: watched at least 90% of the video, or viewed every
// step of the storyboard. The front end then signs a lesson-completion record
// (ledger::SigningRequest with kind "lesson-completion" and these details).

#include <cstddef>
#include <set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace lectern::lesson {

/// The share of the video that must have played for a lesson to count as watched.
inline constexpr double kWatchedShare = 0.9;

/// What an agent has seen of one lesson, as the player and the storyboard record it.
struct ViewingProgress {
    double duration = 0;  ///< seconds
    /// Stretches of the video played, [from, to] in seconds, in any order, overlapping or not.
    std::vector<std::pair<double, double>> played;
    std::size_t step_count = 0;          ///< chapters of the lesson
    std::set<std::size_t> steps_viewed;  ///< storyboard steps shown, from 0

    /// The part of the video played at least once, 0 to 1: replaying a minute ten times
    /// counts that minute once.
    double watched_share() const;
    bool watched() const { return watched_share() >= kWatchedShare; }
    bool storyboard_viewed() const;
    /// Watched, or every step viewed.
    bool complete() const { return watched() || storyboard_viewed(); }
    /// The `details` of the lesson-completion record: {"completed_by": "video"|"storyboard",
    /// "watched_percent": 0-100, "steps_viewed": N, "steps": M, "duration_seconds": S}, with
    /// whole numbers only (canonical JSON signs no fractions).
    nlohmann::json record_details() const;
};

/// What a lesson-completion record's signature means, shown to the agent before signing.
inline constexpr const char* kMeaningLessonCompleted = "completed the lesson";

}  // namespace lectern::lesson
