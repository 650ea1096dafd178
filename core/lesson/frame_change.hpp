#pragma once
// How much of the screen changed between two frames, ignoring cursor-sized changes
// (internal to core/lesson: OpenCV types).

#include <opencv2/core.hpp>

namespace lectern::lesson {

struct FrameChange {
    double fraction = 0;  ///< area of the changed regions over the frame's area, 0 to 1
    cv::Rect box;         ///< bounding box of the changed regions, in analysis pixels
};

/// Compares frames scaled down to the analysis size. Not shared between threads (it keeps
/// scratch images).
class FrameComparer {
  public:
    /// `frame_size` is the video's; `analysis_width` the width frames are scaled to.
    FrameComparer(cv::Size frame_size, int analysis_width);

    /// The frame scaled down and in grey, ready for compare().
    cv::Mat prepare(const cv::Mat& bgr_frame);
    /// Regions that differ between two prepared frames. A region whose bounding box fits in
    /// a square twice a mouse cursor's size does not count: a pointer that moved, a caret
    /// that blinked, a spinner.
    FrameChange compare(const cv::Mat& before, const cv::Mat& after);

    /// A box in analysis pixels, in video pixels.
    cv::Rect to_video(const cv::Rect& box) const;
    cv::Size analysis_size() const noexcept { return analysis_size_; }

  private:
    cv::Size frame_size_;
    cv::Size analysis_size_;
    int ignore_side_;  // analysis pixels
    cv::Mat full_grey_, diff_, mask_, labels_, stats_, centroids_, kernel_;
};

}  // namespace lectern::lesson
