// format_time (declared in video_info.hpp) on its own: programs that show lesson times without
// decoding video (search results, lesson view) need it without OpenCV.

#include <cmath>
#include <cstdio>

#include "lesson/video_info.hpp"

namespace lectern::lesson {

std::string format_time(double seconds) {
    if (!(seconds > 0)) seconds = 0;
    const auto total = static_cast<long long>(std::floor(seconds));
    const long long h = total / 3600, m = (total / 60) % 60, s = total % 60;
    char out[32];
    if (h > 0) {
        std::snprintf(out, sizeof out, "%lld:%02lld:%02lld", h, m, s);
    } else {
        std::snprintf(out, sizeof out, "%lld:%02lld", m, s);
    }
    return out;
}

}  // namespace lectern::lesson
