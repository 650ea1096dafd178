#include "lesson/key_frame.hpp"

#include <algorithm>
#include <cmath>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "common/error.hpp"

namespace lectern::lesson {

namespace {

std::vector<unsigned char> jpeg(const cv::Mat& image, int quality) {
    std::vector<unsigned char> out;
    const std::vector<int> params{cv::IMWRITE_JPEG_QUALITY, std::clamp(quality, 10, 100),
                                  cv::IMWRITE_JPEG_OPTIMIZE, 1};
    if (!cv::imencode(".jpg", image, out, params)) {
        throw Error(ErrorKind::Library,
                    "OpenCV could not encode a key frame as JPEG: install "
                    "Debian's libopencv-imgcodecs-dev build of OpenCV");
    }
    return out;
}

}  // namespace

EncodedKeyFrame encode_key_frame(const cv::Mat& bgr, int thumbnail_width, int jpeg_quality) {
    EncodedKeyFrame out;
    out.frame = jpeg(bgr, jpeg_quality);
    const int width = std::clamp(thumbnail_width, 16, std::max(16, bgr.cols));
    const int height = std::max(
        1, static_cast<int>(std::lround(static_cast<double>(bgr.rows) * width / bgr.cols)));
    cv::Mat thumb;
    cv::resize(bgr, thumb, {width, height}, 0, 0, cv::INTER_AREA);
    out.thumbnail = jpeg(thumb, jpeg_quality);
    return out;
}

}  // namespace lectern::lesson
