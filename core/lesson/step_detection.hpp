#pragma once
// Finding the steps of a screen recording: moments where the screen changes substantially
// and then settles (a new window, a submitted form, a loaded page). No OpenCV types here.

#include <filesystem>
#include <vector>

#include "lesson/progress.hpp"
#include "lesson/video_info.hpp"

namespace lectern::lesson {

/// A rectangle in video pixels.
struct Box {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    bool empty() const noexcept { return width <= 0 || height <= 0; }
    friend bool operator==(const Box&, const Box&) = default;
};

struct DetectOptions {
    /// 0 to 1; higher finds smaller changes. At the default 0.5 a change must cover about 1%
    /// of the screen (a dialog, a message panel, a new page); see min_change_fraction().
    double sensitivity = 0.5;
    /// Frames analysed per second; every frame is still decoded (codecs need that), but only
    /// these are converted and compared. Three a second place a step within a third of a
    /// second of the change and leave most of the time to the decoder.
    double analysis_fps = 3;
    /// Width the analysed frames are scaled down to: 1080p text blurs into regions, and
    /// codec noise averages out.
    int analysis_width = 480;
    /// How long the screen must stay still after a change for it to count as settled.
    double settle_seconds = 0.4;
    int thumbnail_width = 320;
    int jpeg_quality = 88;
};

/// The smallest change, as a fraction of the screen, that makes a step at this sensitivity:
/// 10% at 0, 1% at 0.5, 0.1% at 1 (a logarithmic scale, like how people judge sizes).
double min_change_fraction(double sensitivity);

struct DetectedStep {
    double at = 0;        ///< seconds: the last analysed moment before the change began
    double frame_at = 0;  ///< seconds: when the screen had settled (the key frame)
    Box box;              ///< the bounding box of what changed; the whole frame for the first
    double changed = 0;   ///< the part of the screen that changed, 0 to 1
    std::vector<unsigned char> frame_jpeg;      ///< the settled frame, full size
    std::vector<unsigned char> thumbnail_jpeg;  ///< the same, thumbnail_width wide
};

struct StepDetection {
    VideoInfo info;  ///< duration corrected to what was decoded when the file declared none
    /// In time order; the first is the opening screen at 0.
    std::vector<DetectedStep> steps;
    long long frames_decoded = 0;
    long long frames_analysed = 0;
    bool cancelled = false;  ///< the token was set: steps are incomplete
};

/// Decodes the whole video and finds its steps. Changes smaller than a mouse cursor (a
/// moving pointer, a blinking caret, a spinner) are ignored. Reports progress in the phase
/// "analysing". Throws Error like probe_video(), and when the file turns out truncated.
StepDetection detect_steps(const std::filesystem::path& video, const DetectOptions& options,
                           const Progress& progress = {});

}  // namespace lectern::lesson
