#pragma once
// Opening a video with OpenCV's FFmpeg backend, with the checks that turn a bad file into a
// message a trainer can act on (internal to core/lesson: OpenCV types).

#include <filesystem>

#include <opencv2/videoio.hpp>

#include "lesson/video_info.hpp"

namespace lectern::lesson {

/// An opened video, positioned at its first frame.
struct OpenedVideo {
    cv::VideoCapture capture;
    VideoInfo info;
};

/// Opens `video` and checks that its first frame decodes; the capture is then reopened at
/// the start. Throws Error like probe_video().
OpenedVideo open_video(const std::filesystem::path& video);

/// Throws Error(InvalidContent) saying the file is truncated: it ended at `decoded_until`
/// seconds although it declares `info.duration`.
[[noreturn]] void throw_truncated(const std::filesystem::path& video, const VideoInfo& info,
                                  double decoded_until);

/// True when decoding stopped so early that the file must be cut off: frames are missing
/// from well before the declared end.
bool looks_truncated(const VideoInfo& info, double decoded_until);

}  // namespace lectern::lesson
