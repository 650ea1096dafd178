#include "lesson/redaction.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <opencv2/imgproc.hpp>

#include "common/error.hpp"
#include "lesson/child_process.hpp"
#include "lesson/key_frame.hpp"
#include "lesson/video_reader.hpp"

namespace lectern::lesson {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// Blocks this many times smaller than the region's shorter side, and never under 12 pixels:
// large enough that no letter survives, small enough that the viewer still sees a form.
cv::Size pixel_blocks(const cv::Rect& r) {
    const int block = std::max(12, std::min(r.width, r.height) / 6);
    return {std::max(1, r.width / block), std::max(1, r.height / block)};
}

void hide(cv::Mat& frame, const RedactionRegion& region) {
    const cv::Rect r = cv::Rect(region.box.x, region.box.y, region.box.width, region.box.height) &
                       cv::Rect(0, 0, frame.cols, frame.rows);
    if (r.area() == 0) return;
    cv::Mat roi = frame(r);
    if (region.style == RedactStyle::Pixelate) {
        cv::Mat small;
        cv::resize(roi, small, pixel_blocks(r), 0, 0, cv::INTER_AREA);
        cv::resize(small, roi, r.size(), 0, 0, cv::INTER_NEAREST);
    } else {
        // Three box blurs approach a Gaussian; a kernel a third of the region wide leaves
        // no shape of a letter.
        const int k = std::max(15, std::min(r.width, r.height) / 3) | 1;
        for (int i = 0; i < 3; ++i) cv::blur(roi, roi, {k, k}, {-1, -1}, cv::BORDER_REPLICATE);
    }
}

// Audio codecs an MP4 file can carry as they are; others are encoded to AAC.
bool mp4_can_copy(const std::string& codec) {
    return codec == "aac" || codec == "mp3" || codec == "ac3" || codec == "eac3" ||
           codec == "alac" || codec == "opus";
}

void write_bytes(const fs::path& file, const std::vector<unsigned char>& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw Error(ErrorKind::Io, "cannot write '" + file.string() + "'");
}

std::string fps_text(double fps) {
    char out[32];
    std::snprintf(out, sizeof out, "%.6g", fps);
    return out;
}

// Removes the output unless the work completed.
struct OutputGuard {
    const fs::path& file;
    bool keep = false;
    ~OutputGuard() {
        if (keep) return;
        std::error_code ec;
        fs::remove(file, ec);
    }
};

}  // namespace

std::string audio_codec(const fs::path& video) {
    const CommandOutput probe = run_command(
        {"ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=codec_name",
         "-of", "default=noprint_wrappers=1:nokey=1", video.string()},
        "ffmpeg");
    std::string codec = probe.status == 0 ? probe.out : std::string();
    while (!codec.empty() && (codec.back() == '\n' || codec.back() == '\r')) codec.pop_back();
    if (auto nl = codec.find('\n'); nl != std::string::npos) codec.resize(nl);
    return codec;
}

RedactResult write_redacted_video(const fs::path& original,
                                  const std::vector<RedactionRegion>& regions,
                                  const fs::path& output, std::vector<KeyFrameRequest> key_frames,
                                  const RedactOptions& options, const Progress& progress) {
    OpenedVideo opened = open_video(original);
    const VideoInfo& info = opened.info;
    RedactResult result;
    const std::string audio = audio_codec(original);
    result.audio = !audio.empty();

    // 4:2:0 needs even sides: an odd last column or row is dropped, as x264 would.
    const int even_width = info.width & ~1;
    const int even_height = info.height & ~1;
    if (even_width < 2 || even_height < 2) {
        throw Error(ErrorKind::InvalidContent,
                    "'" + original.string() + "' is " + std::to_string(info.width) + "x" +
                        std::to_string(info.height) +
                        " pixels: too small to be a screen recording; export it again");
    }
    std::vector<std::string> argv = {
        // Frames go to ffmpeg as YUV 4:2:0, what the encoder takes, converted here with
        // OpenCV's exact rounding: half the bytes of BGR through the pipe and no conversion
        // in ffmpeg (its exact-rounding BGR conversion cost a third of the encoder's time).
        "ffmpeg",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "rawvideo",
        "-pix_fmt",
        "yuv420p",
        "-video_size",
        std::to_string(even_width) + "x" + std::to_string(even_height),
        "-framerate",
        fps_text(info.fps),
        "-i",
        "pipe:0",
        "-i",
        original.string(),
        "-map",
        "0:v:0",
        "-map",
        "1:a:0?",
        "-c:v",
        "libx264",
        "-preset",
        options.preset,
        "-crf",
        std::to_string(options.crf),
        "-pix_fmt",
        "yuv420p"};
    if (mp4_can_copy(audio)) {
        argv.insert(argv.end(), {"-c:a", "copy"});
    } else {
        argv.insert(argv.end(), {"-c:a", "aac", "-b:a", "160k"});
    }
    argv.insert(argv.end(), {"-movflags", "+faststart", "-f", "mp4", output.string()});

    std::sort(key_frames.begin(), key_frames.end(),
              [](const KeyFrameRequest& a, const KeyFrameRequest& b) { return a.at < b.at; });
    std::size_t next_key = 0;

    OutputGuard guard{output};
    ChildProcess ffmpeg(argv, "ffmpeg");
    const cv::Size size(info.width, info.height);
    cv::Mat frame, last, yuv;
    double last_t = 0;
    auto last_report = Clock::now();
    for (long long index = 0;; ++index) {
        if (progress.cancelled()) {
            ffmpeg.kill();
            result.cancelled = true;
            return result;
        }
        if (!opened.capture.read(frame) || frame.empty()) break;
        double t = opened.capture.get(cv::CAP_PROP_POS_MSEC) / 1000.0;
        if (!(t > 0) || t < last_t) t = static_cast<double>(index) / info.fps;
        last_t = t;
        if (frame.size() != size) {
            cv::Mat resized;
            cv::resize(frame, resized, size);
            frame = resized;
        }
        for (const auto& region : regions) {
            if (region.covers(t)) hide(frame, region);
        }
        cv::cvtColor(frame(cv::Rect(0, 0, even_width, even_height)), yuv, cv::COLOR_BGR2YUV_I420);
        if (!ffmpeg.write(yuv.data, yuv.total() * yuv.elemSize())) break;
        ++result.frames;
        // The frame that shows a key frame's moment: the first at or after it, within half
        // a frame's time of rounding.
        while (next_key < key_frames.size() && key_frames[next_key].at <= t + 0.5 / info.fps) {
            const auto encoded =
                encode_key_frame(frame, options.thumbnail_width, options.jpeg_quality);
            write_bytes(key_frames[next_key].frame_file, encoded.frame);
            write_bytes(key_frames[next_key].thumbnail_file, encoded.thumbnail);
            ++next_key;
        }
        last = frame;
        if (Clock::now() - last_report > std::chrono::milliseconds(200)) {
            progress.step("redacting", t, info.duration);
            last_report = Clock::now();
        }
    }
    const int status = ffmpeg.finish();
    if (status != 0) {
        throw Error(ErrorKind::Library, "ffmpeg could not write the redacted video '" +
                                            output.string() + "' (exit " + std::to_string(status) +
                                            "): " + ffmpeg.error_output());
    }
    if (result.frames == 0) {
        throw Error(ErrorKind::InvalidContent,
                    "'" + original.string() +
                        "' has no frame that can be decoded: the file is "
                        "damaged; export the recording again");
    }
    const double decoded_until = last_t + 1.0 / info.fps;
    if (looks_truncated(info, decoded_until)) throw_truncated(original, info, decoded_until);
    // Key frames asked for past the last frame show the last frame.
    for (; next_key < key_frames.size(); ++next_key) {
        const auto encoded = encode_key_frame(last, options.thumbnail_width, options.jpeg_quality);
        write_bytes(key_frames[next_key].frame_file, encoded.frame);
        write_bytes(key_frames[next_key].thumbnail_file, encoded.thumbnail);
    }
    progress.step("redacting", info.duration, info.duration);
    guard.keep = true;
    return result;
}

}  // namespace lectern::lesson
