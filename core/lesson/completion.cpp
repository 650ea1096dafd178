#include "lesson/completion.hpp"

#include <algorithm>
#include <cmath>

namespace lectern::lesson {

double ViewingProgress::watched_share() const {
    if (duration <= 0) return 0;
    std::vector<std::pair<double, double>> spans;
    for (auto [from, to] : played) {
        from = std::clamp(from, 0.0, duration);
        to = std::clamp(to, 0.0, duration);
        if (to > from) spans.emplace_back(from, to);
    }
    std::sort(spans.begin(), spans.end());
    double covered = 0, end = 0;
    for (const auto& [from, to] : spans) {
        const double start = std::max(from, end);
        if (to > start) covered += to - start;
        end = std::max(end, to);
    }
    return covered / duration;
}

bool ViewingProgress::storyboard_viewed() const {
    if (step_count == 0) return false;
    for (std::size_t i = 0; i < step_count; ++i) {
        if (!steps_viewed.count(i)) return false;
    }
    return true;
}

nlohmann::json ViewingProgress::record_details() const {
    std::size_t viewed = 0;
    for (std::size_t i : steps_viewed) {
        if (i < step_count) ++viewed;
    }
    return {{"completed_by", watched() ? "video" : (storyboard_viewed() ? "storyboard" : "none")},
            {"watched_percent", static_cast<int>(std::floor(watched_share() * 100.0))},
            {"steps_viewed", viewed},
            {"steps", step_count},
            {"duration_seconds", static_cast<long long>(std::lround(duration))}};
}

}  // namespace lectern::lesson
