#include "lesson/frame_change.hpp"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace lectern::lesson {

namespace {

// A grey level difference below this is codec noise (after area averaging, which already
// removes most of it); text appearing or a window opening differs by far more.
constexpr double kPixelThreshold = 10;

// A mouse cursor is 16 to 32 pixels on ordinary screens and about 2% of the width on large
// ones. Twice that in each direction covers a pointer that moved a little between two
// analysed frames (old and new position merge into one region).
int ignore_side_video_pixels(cv::Size frame) {
    return 2 * std::max(24, static_cast<int>(std::lround(frame.width * 0.02)));
}

}  // namespace

FrameComparer::FrameComparer(cv::Size frame_size, int analysis_width) : frame_size_(frame_size) {
    const int width = std::clamp(analysis_width, 64, std::max(64, frame_size.width));
    const double scale = static_cast<double>(width) / frame_size.width;
    analysis_size_ = {width, std::max(1, static_cast<int>(std::lround(frame_size.height * scale)))};
    ignore_side_ =
        std::max(2, static_cast<int>(std::lround(ignore_side_video_pixels(frame_size) * scale)));
    // Closing joins the strokes of text and the edges of a window into one region.
    kernel_ = cv::getStructuringElement(cv::MORPH_RECT, {5, 5});
}

cv::Mat FrameComparer::prepare(const cv::Mat& bgr_frame) {
    // Every other row is enough where the frame shrinks at least four times: text and window
    // edges span many rows, and the area average still takes in 8 pixels or more. Grey
    // first: both steps are weighted averages, so the order changes only rounding, and
    // averaging one channel instead of three is cheaper.
    const cv::Mat rows = bgr_frame.rows >= 4 * analysis_size_.height
                             ? cv::Mat(bgr_frame.rows / 2, bgr_frame.cols, bgr_frame.type(),
                                       bgr_frame.data, bgr_frame.step * 2)
                             : bgr_frame;
    cv::cvtColor(rows, full_grey_, cv::COLOR_BGR2GRAY);
    cv::Mat small;
    cv::resize(full_grey_, small, analysis_size_, 0, 0, cv::INTER_AREA);
    return small;
}

FrameChange FrameComparer::compare(const cv::Mat& before, const cv::Mat& after) {
    cv::absdiff(before, after, diff_);
    cv::threshold(diff_, mask_, kPixelThreshold, 255, cv::THRESH_BINARY);
    FrameChange out;
    if (cv::countNonZero(mask_) == 0) return out;
    cv::morphologyEx(mask_, mask_, cv::MORPH_CLOSE, kernel_);
    const int n = cv::connectedComponentsWithStats(mask_, labels_, stats_, centroids_, 8, CV_32S);
    double area = 0;
    for (int i = 1; i < n; ++i) {
        const cv::Rect r(stats_.at<int>(i, cv::CC_STAT_LEFT), stats_.at<int>(i, cv::CC_STAT_TOP),
                         stats_.at<int>(i, cv::CC_STAT_WIDTH),
                         stats_.at<int>(i, cv::CC_STAT_HEIGHT));
        if (r.width <= ignore_side_ && r.height <= ignore_side_) continue;
        // The region's box, not its pixels: a dialog with a white body on a white page
        // changes only at its edges and text, yet all of it is new.
        area += r.area();
        out.box = out.box.area() == 0 ? r : (out.box | r);
    }
    out.fraction = std::min(1.0, area / analysis_size_.area());
    return out;
}

cv::Rect FrameComparer::to_video(const cv::Rect& box) const {
    const double sx = static_cast<double>(frame_size_.width) / analysis_size_.width;
    const double sy = static_cast<double>(frame_size_.height) / analysis_size_.height;
    const int x0 = static_cast<int>(std::floor(box.x * sx));
    const int y0 = static_cast<int>(std::floor(box.y * sy));
    const int x1 =
        std::min(frame_size_.width, static_cast<int>(std::ceil((box.x + box.width) * sx)));
    const int y1 =
        std::min(frame_size_.height, static_cast<int>(std::ceil((box.y + box.height) * sy)));
    return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

}  // namespace lectern::lesson
