#pragma once
// Hiding regions of a screen recording: the video and its key frames are written again with
// the regions pixelated or blurred; the original's audio track is kept. No OpenCV types here.

#include <filesystem>
#include <string>
#include <vector>

#include "lesson/lesson_document.hpp"
#include "lesson/progress.hpp"

namespace lectern::lesson {

/// A key frame to write from the redacted picture: the first frame at or after `at`.
struct KeyFrameRequest {
    double at = 0;
    std::filesystem::path frame_file;
    std::filesystem::path thumbnail_file;
};

struct RedactOptions {
    int thumbnail_width = 320;
    int jpeg_quality = 88;
    /// x264's speed preset and quality for the written video (see docs/lessons.md).
    std::string preset = "veryfast";
    int crf = 20;
};

struct RedactResult {
    long long frames = 0;
    bool audio = false;  ///< the original had an audio track, and the output has it
    bool cancelled = false;
};

/// Checks `original` with OpenCV, has ffmpeg decode it to YUV 4:2:0 on a constant-rate clock,
/// hides every region in the frames its time range covers, and has a second ffmpeg encode the
/// frames (H.264 in MP4) with the original's audio track muxed back in. Writes the requested
/// key frames as JPEG from the redacted picture. Regions may be empty (a plain re-encode with
/// key frames). On failure or cancel nothing is left at `output`. Throws Error like
/// probe_video() for a bad original, Error(NotFound) when ffmpeg is not installed and
/// Error(Library) with ffmpeg's words when encoding fails.
RedactResult write_redacted_video(const std::filesystem::path& original,
                                  const std::vector<RedactionRegion>& regions,
                                  const std::filesystem::path& output,
                                  std::vector<KeyFrameRequest> key_frames,
                                  const RedactOptions& options, const Progress& progress = {});

/// The audio codec of the first audio track ("aac", "opus"), or empty when there is none.
/// Throws Error(NotFound) when ffprobe is not installed.
std::string audio_codec(const std::filesystem::path& video);

}  // namespace lectern::lesson
