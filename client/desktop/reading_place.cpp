#include "reading_place.hpp"

#include <algorithm>
#include <cstdint>

namespace lectern::desktop {

ReadingPlace reading_place(int top, int total, const std::vector<HeadingAt>& headings) {
    ReadingPlace place{top, total, {}, 0};
    for (const auto& h : headings) {
        if (h.y > top) break;
        place.heading = h.anchor;
        place.below_heading = top - h.y;
    }
    return place;
}

int resume_top(const ReadingPlace& was, bool same_page, int total,
               const std::vector<HeadingAt>& headings) {
    if (same_page) return was.top;
    if (!was.heading.empty()) {
        const auto it = std::find_if(headings.begin(), headings.end(), [&was](const HeadingAt& h) {
            return h.anchor == was.heading;
        });
        if (it != headings.end()) {
            int top = it->y + was.below_heading;
            // The section may have grown shorter: stay within it.
            if (const auto next = std::next(it); next != headings.end())
                top = std::min(top, std::max(it->y, next->y - 1));
            return top;
        }
    }
    if (was.total <= 0 || total <= 0) return 0;
    return static_cast<int>(static_cast<std::int64_t>(was.top) * total / was.total);
}

}  // namespace lectern::desktop
