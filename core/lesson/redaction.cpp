#include "lesson/redaction.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <vector>

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

// One picture in YUV 4:2:0 (I420), as ffmpeg decodes and x264 encodes it: the full-size
// luma plane followed by the two half-size chroma planes, in one buffer.
struct Yuv420Picture {
    Yuv420Picture(int w, int h)
        : width(w), height(h), bytes(static_cast<std::size_t>(w) * h * 3 / 2) {}

    cv::Mat plane(int index) {
        auto* base = bytes.data();
        if (index == 0) return {height, width, CV_8UC1, base};
        const std::size_t luma = static_cast<std::size_t>(width) * height;
        const std::size_t chroma = luma / 4;
        return {height / 2, width / 2, CV_8UC1, base + luma + (index - 1) * chroma};
    }
    cv::Mat bgr() {
        cv::Mat out;
        cv::cvtColor(cv::Mat(height * 3 / 2, width, CV_8UC1, bytes.data()), out,
                     cv::COLOR_YUV2BGR_I420);
        return out;
    }

    int width;
    int height;
    std::vector<unsigned char> bytes;
};

void hide_in_plane(cv::Mat roi, const cv::Size& blocks, RedactStyle style, int blur_kernel) {
    if (style == RedactStyle::Pixelate) {
        cv::Mat small;
        cv::resize(roi, small, blocks, 0, 0, cv::INTER_AREA);
        cv::resize(small, roi, roi.size(), 0, 0, cv::INTER_NEAREST);
    } else {
        // Three box blurs approach a Gaussian.
        for (int i = 0; i < 3; ++i) {
            cv::blur(roi, roi, {blur_kernel, blur_kernel}, {-1, -1}, cv::BORDER_REPLICATE);
        }
    }
}

// A region placed on the picture, grown to even sides so the chroma samples it covers are
// its own. Pixelating and blurring are averages, so doing them on the luma and chroma planes
// gives the picture that doing them on its colours would.
struct PlacedRegion {
    const RedactionRegion* region = nullptr;
    cv::Rect luma;  // empty when the region lies outside the picture
    cv::Size blocks;
    int kernel = 0;

    cv::Rect in_plane(int plane) const {
        if (plane == 0) return luma;
        return {luma.x / 2, luma.y / 2, luma.width / 2, luma.height / 2};
    }
};

PlacedRegion place(const RedactionRegion& region, int width, int height) {
    PlacedRegion out;
    out.region = &region;
    const cv::Rect r = cv::Rect(region.box.x, region.box.y, region.box.width, region.box.height) &
                       cv::Rect(0, 0, width, height);
    if (r.area() == 0) return out;
    const int x0 = r.x & ~1, y0 = r.y & ~1;
    const int x1 = std::min(width, (r.x + r.width + 1) & ~1);
    const int y1 = std::min(height, (r.y + r.height + 1) & ~1);
    if (x1 - x0 < 2 || y1 - y0 < 2) return out;
    out.luma = cv::Rect(x0, y0, x1 - x0, y1 - y0);
    out.blocks = pixel_blocks(out.luma);
    // A kernel a third of the region wide leaves no shape of a letter.
    out.kernel = std::max(15, std::min(out.luma.width, out.luma.height) / 3) | 1;
    return out;
}

// Hides the region's part of one plane in `rows`, which hold that plane's rows from
// `first_row` on.
void hide(cv::Mat rows, int first_row, int plane, const PlacedRegion& placed) {
    cv::Rect r = placed.in_plane(plane);
    r.y -= first_row;
    hide_in_plane(rows(r), placed.blocks, placed.region->style,
                  plane == 0 ? placed.kernel : (placed.kernel / 2) | 1);
}

void hide(Yuv420Picture& picture, const std::vector<const PlacedRegion*>& active) {
    for (int plane = 0; plane <= 2; ++plane) {
        for (const PlacedRegion* placed : active) hide(picture.plane(plane), 0, plane, *placed);
    }
}

enum class FrameMove { Moved, End, Stopped };

// Moves one frame from the decoder to the encoder with the active regions hidden: only the
// rows the regions cross come into this process, the rest is spliced from one pipe to the
// other. Most of a frame never leaves the kernel, which halves the cost of the pipes.
FrameMove pass_frame(ChildProcess& decoder, ChildProcess& encoder,
                     const std::vector<const PlacedRegion*>& active, int width, int height,
                     std::vector<unsigned char>& rows_buffer) {
    bool first = true;
    // The first read of a frame that finds the decoder's output ended is the video's end.
    const auto failed = [&first] { return first ? FrameMove::End : FrameMove::Stopped; };
    for (int plane = 0; plane <= 2; ++plane) {
        const int plane_width = plane == 0 ? width : width / 2;
        const int plane_height = plane == 0 ? height : height / 2;
        std::vector<std::pair<int, int>> bands;
        for (const PlacedRegion* placed : active) {
            const cv::Rect r = placed->in_plane(plane);
            bands.emplace_back(r.y, r.y + r.height);
        }
        std::sort(bands.begin(), bands.end());
        int row = 0;
        for (std::size_t i = 0; i < bands.size();) {
            const int from = bands[i].first;
            int to = bands[i].second;
            for (++i; i < bands.size() && bands[i].first <= to; ++i)
                to = std::max(to, bands[i].second);
            if (from > row) {
                if (!decoder.pass_to(encoder, static_cast<std::size_t>(from - row) * plane_width))
                    return failed();
                first = false;
            }
            const std::size_t size = static_cast<std::size_t>(to - from) * plane_width;
            rows_buffer.resize(size);
            if (!decoder.read_exactly(rows_buffer.data(), size)) return failed();
            first = false;
            const cv::Mat rows(to - from, plane_width, CV_8UC1, rows_buffer.data());
            for (const PlacedRegion* placed : active) {
                const cv::Rect r = placed->in_plane(plane);
                if (r.y >= from && r.y + r.height <= to) hide(rows, from, plane, *placed);
            }
            if (!encoder.write(rows_buffer.data(), size)) return FrameMove::Stopped;
            row = to;
        }
        if (row < plane_height) {
            if (!decoder.pass_to(encoder,
                                 static_cast<std::size_t>(plane_height - row) * plane_width))
                return failed();
            first = false;
        }
    }
    return FrameMove::Moved;
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

void write_key_frame(const KeyFrameRequest& request, const cv::Mat& bgr,
                     const RedactOptions& options) {
    const auto encoded = encode_key_frame(bgr, options.thumbnail_width, options.jpeg_quality);
    write_bytes(request.frame_file, encoded.frame);
    write_bytes(request.thumbnail_file, encoded.thumbnail);
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
    // OpenCV checks the original first: its errors say what is wrong with a damaged file.
    const VideoInfo info = probe_video(original);
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
    const std::string size = std::to_string(even_width) + "x" + std::to_string(even_height);
    const std::string fps = fps_text(info.fps);
    // The frames travel as YUV 4:2:0 from one ffmpeg that decodes to one that encodes, and
    // are redacted in between. OpenCV 4.6's video reader hands out only BGR pictures, and
    // converting every frame to BGR and back cost a fifth of the encoder's time. The decoder
    // puts the frames on a constant-rate clock (recorders often write a variable rate), so
    // frame n is at n / fps both for the regions' time ranges and in the written video; a
    // recording whose window changed size is scaled to its first size.
    const std::vector<std::string> decode = {
        "ffmpeg",
        "-hide_banner",
        "-loglevel",
        "error",
        "-nostdin",
        "-i",
        original.string(),
        "-map",
        "0:v:0",
        "-vf",
        "scale=" + std::to_string(info.width) + ":" + std::to_string(info.height) +
            ",crop=" + std::to_string(even_width) + ":" + std::to_string(even_height) + ":0:0",
        "-fps_mode",
        "cfr",
        "-r",
        fps,
        "-pix_fmt",
        "yuv420p",
        "-f",
        "rawvideo",
        "pipe:1"};
    std::vector<std::string> encode = {"ffmpeg",
                                       "-hide_banner",
                                       "-loglevel",
                                       "error",
                                       "-y",
                                       "-f",
                                       "rawvideo",
                                       "-pix_fmt",
                                       "yuv420p",
                                       "-video_size",
                                       size,
                                       "-framerate",
                                       fps,
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
        encode.insert(encode.end(), {"-c:a", "copy"});
    } else {
        encode.insert(encode.end(), {"-c:a", "aac", "-b:a", "160k"});
    }
    encode.insert(encode.end(), {"-movflags", "+faststart", "-f", "mp4", output.string()});

    std::sort(key_frames.begin(), key_frames.end(),
              [](const KeyFrameRequest& a, const KeyFrameRequest& b) { return a.at < b.at; });
    std::size_t next_key = 0;

    std::vector<PlacedRegion> placed;
    for (const auto& region : regions) {
        PlacedRegion p = place(region, even_width, even_height);
        if (!p.luma.empty()) placed.push_back(p);
    }
    // Near the end every frame is read whole, so a key frame asked for past the last frame
    // can show the last one: a video that stops earlier than this is reported as truncated.
    const double whole_frames_from =
        info.duration - std::max(1.0, 0.05 * info.duration) - 2.0 / info.fps;

    OutputGuard guard{output};
    ChildProcess decoder(decode, "ffmpeg", ChildProcess::Stream::Output);
    ChildProcess encoder(encode, "ffmpeg");
    // Two pictures for frames read whole: the one being read, and the last one read.
    Yuv420Picture picture(even_width, even_height);
    Yuv420Picture last(even_width, even_height);
    bool have_last = false;
    std::vector<unsigned char> rows_buffer;
    std::vector<const PlacedRegion*> active;
    double t = 0;
    auto last_report = Clock::now();
    for (long long index = 0;; ++index) {
        if (progress.cancelled()) {
            decoder.kill();
            encoder.kill();
            result.cancelled = true;
            return result;
        }
        const double at = static_cast<double>(index) / info.fps;
        active.clear();
        for (const auto& p : placed) {
            if (p.region->covers(at)) active.push_back(&p);
        }
        // The frame that shows a key frame's moment: the first at or after it, within half
        // a frame's time of rounding.
        const bool key =
            next_key < key_frames.size() &&
            (key_frames[next_key].at <= at + 0.5 / info.fps || at >= whole_frames_from);
        if (key) {
            if (!decoder.read_exactly(picture.bytes.data(), picture.bytes.size())) break;
            hide(picture, active);
            if (!encoder.write(picture.bytes.data(), picture.bytes.size())) break;
            if (key_frames[next_key].at <= at + 0.5 / info.fps) {
                const cv::Mat bgr = picture.bgr();
                while (next_key < key_frames.size() &&
                       key_frames[next_key].at <= at + 0.5 / info.fps)
                    write_key_frame(key_frames[next_key++], bgr, options);
            }
            std::swap(picture.bytes, last.bytes);
            have_last = true;
        } else if (pass_frame(decoder, encoder, active, even_width, even_height, rows_buffer) !=
                   FrameMove::Moved) {
            break;
        }
        t = at;
        ++result.frames;
        if (Clock::now() - last_report > std::chrono::milliseconds(200)) {
            progress.step("redacting", t, info.duration);
            last_report = Clock::now();
        }
    }
    const int decoded = decoder.finish();
    const int status = encoder.finish();
    if (status != 0) {
        throw Error(ErrorKind::Library, "ffmpeg could not write the redacted video '" +
                                            output.string() + "' (exit " + std::to_string(status) +
                                            "): " + encoder.error_output());
    }
    if (decoded != 0 && result.frames == 0) {
        throw Error(ErrorKind::InvalidContent, "ffmpeg could not decode '" + original.string() +
                                                   "' (exit " + std::to_string(decoded) +
                                                   "): " + decoder.error_output());
    }
    if (result.frames == 0) {
        throw Error(ErrorKind::InvalidContent,
                    "'" + original.string() +
                        "' has no frame that can be decoded: the file is "
                        "damaged; export the recording again");
    }
    const double decoded_until = t + 1.0 / info.fps;
    if (looks_truncated(info, decoded_until)) throw_truncated(original, info, decoded_until);
    if (decoded != 0) {
        throw Error(ErrorKind::InvalidContent, "ffmpeg stopped decoding '" + original.string() +
                                                   "' (exit " + std::to_string(decoded) +
                                                   "): " + decoder.error_output());
    }
    // Key frames asked for past the last frame show the last frame.
    if (next_key < key_frames.size()) {
        if (!have_last) {
            throw Error(ErrorKind::InvalidContent,
                        "'" + original.string() + "' ends at " + format_time(decoded_until) +
                            ", before the key frame asked for at " +
                            format_time(key_frames[next_key].at) + "; import the recording again");
        }
        const cv::Mat bgr = last.bgr();
        for (; next_key < key_frames.size(); ++next_key)
            write_key_frame(key_frames[next_key], bgr, options);
    }
    progress.step("redacting", info.duration, info.duration);
    guard.keep = true;
    return result;
}

}  // namespace lectern::lesson
