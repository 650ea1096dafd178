#include "lesson/video_reader.hpp"

#include <cmath>
#include <cstdio>

#include <opencv2/core/utils/logger.hpp>

#include "common/error.hpp"

namespace lectern::lesson {

namespace fs = std::filesystem;

namespace {

// Larger than any screen a trainer records (8K is 7680x4320); a header that says more is
// damaged, and decoding it could try to allocate gigabytes.
constexpr int kMaxSide = 8192;

std::string quoted(const fs::path& p) {
    return "'" + p.string() + "'";
}

std::string convert_hint(const fs::path& video) {
    return "convert it with `ffmpeg -i " + video.filename().string() +
           " -c:v libx264 -pix_fmt yuv420p -c:a aac converted.mp4` and import converted.mp4";
}

std::string fourcc_text(double value) {
    const auto code = static_cast<unsigned>(value);
    std::string s;
    for (int i = 0; i < 4; ++i) {
        const char c = static_cast<char>((code >> (8 * i)) & 0xFF);
        if (c > ' ' && c < 127) s += c;
    }
    return s.empty() ? "unknown" : s;
}

void quiet_opencv_logs() {
    // OpenCV's own warnings ("cap_ffmpeg ... could not open") would repeat, less clearly,
    // what the Error says.
    static const bool once = [] {
        cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_ERROR);
        return true;
    }();
    (void)once;
}

}  // namespace

OpenedVideo open_video(const fs::path& video) {
    quiet_opencv_logs();
    std::error_code ec;
    if (!fs::exists(video, ec)) {
        throw Error(ErrorKind::NotFound, quoted(video) +
                                             " does not exist: give the path of the "
                                             "screen recording to import");
    }
    if (!fs::is_regular_file(video, ec)) {
        throw Error(ErrorKind::InvalidArgument,
                    quoted(video) + " is not a file: give the path of a video file");
    }
    if (fs::file_size(video, ec) == 0) {
        throw Error(ErrorKind::InvalidContent,
                    quoted(video) +
                        " is empty (0 bytes): the recording was not saved completely; save or "
                        "export it again from the screen recorder and import that file");
    }
    OpenedVideo out;
    if (!out.capture.open(video.string(), cv::CAP_FFMPEG) || !out.capture.isOpened()) {
        throw Error(ErrorKind::InvalidContent,
                    quoted(video) +
                        " cannot be read as a video: it is damaged (a recording cut off while "
                        "saving loses its index), not a video, or in a format this machine "
                        "cannot decode; check that it plays, or " +
                        convert_hint(video));
    }
    VideoInfo& info = out.info;
    info.width = static_cast<int>(out.capture.get(cv::CAP_PROP_FRAME_WIDTH));
    info.height = static_cast<int>(out.capture.get(cv::CAP_PROP_FRAME_HEIGHT));
    info.fps = out.capture.get(cv::CAP_PROP_FPS);
    info.frame_count = static_cast<long long>(out.capture.get(cv::CAP_PROP_FRAME_COUNT));
    info.codec = fourcc_text(out.capture.get(cv::CAP_PROP_FOURCC));
    if (info.width <= 0 || info.height <= 0 || info.width > kMaxSide || info.height > kMaxSide) {
        throw Error(ErrorKind::InvalidContent,
                    quoted(video) + " says its frames are " + std::to_string(info.width) + "x" +
                        std::to_string(info.height) +
                        " pixels, which no screen recording is: the file is damaged; export "
                        "the recording again");
    }
    if (!(info.fps > 0.5 && info.fps <= 1000)) {
        // Variable-rate recordings sometimes declare nothing; the analysis needs a clock.
        info.fps = 30;
    }
    if (info.frame_count < 0) info.frame_count = 0;
    info.duration = static_cast<double>(info.frame_count) / info.fps;

    cv::Mat first;
    if (!out.capture.read(first) || first.empty()) {
        throw Error(ErrorKind::InvalidContent,
                    quoted(video) + " opens as a video (codec " + info.codec +
                        "), but none of its frames can be decoded on this machine: the file "
                        "is damaged or the codec is not installed; " +
                        convert_hint(video));
    }
    if (first.cols != info.width || first.rows != info.height) {
        info.width = first.cols;
        info.height = first.rows;
    }
    // Start again from the first frame: seeking is unreliable in some containers.
    out.capture.release();
    if (!out.capture.open(video.string(), cv::CAP_FFMPEG)) {
        throw Error(ErrorKind::Io, "cannot open " + quoted(video) + " a second time");
    }
    return out;
}

bool looks_truncated(const VideoInfo& info, double decoded_until) {
    // Containers round their declared length; a second or 5% of it is not a cut.
    return info.duration > 0 && decoded_until < info.duration - std::max(1.0, 0.05 * info.duration);
}

void throw_truncated(const fs::path& video, const VideoInfo& info, double decoded_until) {
    throw Error(ErrorKind::InvalidContent,
                quoted(video) + " ends after " + format_time(decoded_until) +
                    " although it says it lasts " + format_time(info.duration) +
                    ": the file is truncated (cut off while saving or copying); copy or export "
                    "it again, or keep what there is with `ffmpeg -i " +
                    video.filename().string() + " -c copy repaired.mkv` and import that");
}

VideoInfo probe_video(const fs::path& video) {
    return open_video(video).info;
}

}  // namespace lectern::lesson
