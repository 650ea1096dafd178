#include "lesson/caption_merge.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <regex>
#include <tuple>

#include "lesson/video_info.hpp"

namespace lectern::lesson {

namespace {

bool is_default_caption(const std::string& caption) {
    static const std::regex kDefault("Start|Step [0-9]+");
    return std::regex_match(caption, kDefault);
}

}  // namespace

std::string default_caption(std::size_t index) {
    return index == 0 ? "Start" : "Step " + std::to_string(index + 1);
}

std::string frame_name(std::size_t index) {
    char name[48];
    std::snprintf(name, sizeof name, "frames/step-%03zu.jpg", index + 1);
    return name;
}

std::string thumbnail_name(std::size_t index) {
    char name[48];
    std::snprintf(name, sizeof name, "frames/step-%03zu.thumb.jpg", index + 1);
    return name;
}

CaptionMerge merge_captions(const std::vector<DetectedStep>& steps,
                            const std::vector<Chapter>& previous, double tolerance) {
    CaptionMerge out;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        Chapter ch;
        ch.at = steps[i].at;
        ch.frame_at = steps[i].frame_at;
        ch.title = default_caption(i);
        ch.frame = frame_name(i);
        ch.thumbnail = thumbnail_name(i);
        ch.box = steps[i].box;
        out.chapters.push_back(std::move(ch));
    }
    // Closest pairs first, so that two steps near one old caption do not steal each other's.
    std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        for (std::size_t j = 0; j < previous.size(); ++j) {
            const double d = std::abs(steps[i].at - previous[j].at);
            if (d <= tolerance) pairs.emplace_back(d, i, j);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<bool> step_done(steps.size(), false), old_used(previous.size(), false);
    for (const auto& [d, i, j] : pairs) {
        (void)d;
        if (step_done[i] || old_used[j]) continue;
        step_done[i] = old_used[j] = true;
        if (previous[j].title.empty() || is_default_caption(previous[j].title)) continue;
        out.chapters[i].title = previous[j].title;
        ++out.kept;
    }
    for (std::size_t j = 0; j < previous.size(); ++j) {
        if (old_used[j] || previous[j].title.empty() || is_default_caption(previous[j].title))
            continue;
        out.dropped.push_back(format_time(previous[j].at) + " " + previous[j].title);
    }
    return out;
}

}  // namespace lectern::lesson
