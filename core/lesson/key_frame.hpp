#pragma once
// A key frame and its thumbnail as JPEG bytes (internal to core/lesson: OpenCV types).

#include <vector>

#include <opencv2/core.hpp>

namespace lectern::lesson {

struct EncodedKeyFrame {
    std::vector<unsigned char> frame;
    std::vector<unsigned char> thumbnail;
};

/// Encodes `bgr` full size and `thumbnail_width` wide. Throws Error(Library) when OpenCV
/// cannot encode JPEG (a build without it).
EncodedKeyFrame encode_key_frame(const cv::Mat& bgr, int thumbnail_width, int jpeg_quality);

}  // namespace lectern::lesson
