#include "lesson/step_detection.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "common/error.hpp"
#include "lesson/frame_change.hpp"
#include "lesson/key_frame.hpp"
#include "lesson/video_reader.hpp"

namespace lectern::lesson {

namespace {

using Clock = std::chrono::steady_clock;

// Motion between two analysed frames below this part of the step threshold leaves the
// screen "still": a small animation must not keep a change from settling.
constexpr double kMotionShare = 0.25;

Box to_box(const cv::Rect& r) {
    return {r.x, r.y, r.width, r.height};
}

// Follows the screen from one analysed frame to the next and decides where steps are.
class StepFinder {
  public:
    StepFinder(const DetectOptions& options, FrameComparer& comparer)
        : options_(options),
          comparer_(comparer),
          step_fraction_(min_change_fraction(options.sensitivity)),
          settle_samples_(std::max(
              1, static_cast<int>(std::lround(options.settle_seconds * options.analysis_fps)))) {}

    void add(double t, const cv::Mat& bgr, std::vector<DetectedStep>& steps) {
        cv::Mat grey = comparer_.prepare(bgr);
        if (reference_.empty()) {
            reference_ = grey;
            previous_ = grey;
            previous_t_ = t;
            emit(0, t, {0, 0, bgr.cols, bgr.rows}, 1.0, bgr, steps);
            return;
        }
        const FrameChange motion = comparer_.compare(previous_, grey);
        const bool moving = motion.fraction >= kMotionShare * step_fraction_;
        if (!changing_) {
            // A slow change (a fade) may never move much between two frames, so the
            // reference is checked too.
            if (moving || comparer_.compare(reference_, grey).fraction >= step_fraction_) {
                changing_ = true;
                change_start_ = previous_t_;
                still_ = 0;
            }
        } else if (moving) {
            still_ = 0;
        } else if (++still_ >= settle_samples_) {
            settle(t, grey, bgr, steps);
        }
        previous_ = grey;
        previous_t_ = t;
        // Kept only while a change is going on: the video may end before it settles. A copy,
        // as the frame's buffer is reused for a later sample; copyTo reuses ours.
        if (changing_) bgr.copyTo(last_bgr_);
    }

    /// The video ended: a change that was still going on counts if it is large enough.
    void finish(std::vector<DetectedStep>& steps) {
        if (changing_ && !previous_.empty()) settle(previous_t_, previous_, last_bgr_, steps);
    }

  private:
    void settle(double t, const cv::Mat& grey, const cv::Mat& bgr,
                std::vector<DetectedStep>& steps) {
        changing_ = false;
        const FrameChange change = comparer_.compare(reference_, grey);
        // A tooltip that came and went, or changes that stayed small, make no step; the
        // reference stays, so small changes that add up make one later.
        if (change.fraction < step_fraction_) return;
        emit(change_start_, t, to_box(comparer_.to_video(change.box)), change.fraction, bgr, steps);
        reference_ = grey.clone();
    }

    void emit(double at, double frame_at, Box box, double fraction, const cv::Mat& bgr,
              std::vector<DetectedStep>& steps) const {
        DetectedStep step;
        step.at = at;
        step.frame_at = frame_at;
        step.box = box;
        step.changed = fraction;
        EncodedKeyFrame encoded =
            encode_key_frame(bgr, options_.thumbnail_width, options_.jpeg_quality);
        step.frame_jpeg = std::move(encoded.frame);
        step.thumbnail_jpeg = std::move(encoded.thumbnail);
        steps.push_back(std::move(step));
    }

    const DetectOptions& options_;
    FrameComparer& comparer_;
    const double step_fraction_;
    const int settle_samples_;
    cv::Mat reference_;  // the screen as of the last step
    cv::Mat previous_;   // the last analysed frame
    cv::Mat last_bgr_;   // the last analysed frame while a change is going on
    double previous_t_ = 0;
    bool changing_ = false;
    double change_start_ = 0;
    int still_ = 0;
};

// Runs the StepFinder on its own thread, so that comparing one sample overlaps with decoding
// the frames up to the next. Frames go through a few recycled buffers: a fresh 1080p picture
// per sample would cost the kernel a page fault for every 4 KiB of it.
class AnalysisThread {
  public:
    AnalysisThread(StepFinder& finder, std::vector<DetectedStep>& steps)
        : finder_(finder), steps_(steps), thread_([this] { run(); }) {}
    AnalysisThread(const AnalysisThread&) = delete;
    AnalysisThread& operator=(const AnalysisThread&) = delete;
    ~AnalysisThread() { stop(); }

    /// A buffer for the next sample: one the analysis is done with, or a new one.
    cv::Mat take_buffer() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return pending_.size() < kDepth || failure_; });
        if (free_.empty()) return {};
        cv::Mat out = std::move(free_.back());
        free_.pop_back();
        return out;
    }

    /// Queues a sample; rethrows what the analysis threw, if it did.
    void add(double t, cv::Mat frame) {
        {
            std::lock_guard lock(mutex_);
            if (failure_) std::rethrow_exception(failure_);
            pending_.push_back({t, std::move(frame)});
        }
        changed_.notify_all();
    }

    /// Waits until every queued sample is analysed; rethrows what the analysis threw.
    void finish() {
        stop();
        if (failure_) std::rethrow_exception(failure_);
    }

  private:
    static constexpr std::size_t kDepth = 3;

    struct Sample {
        double t;
        cv::Mat frame;
    };

    void stop() {
        {
            std::lock_guard lock(mutex_);
            done_ = true;
        }
        changed_.notify_all();
        if (thread_.joinable()) thread_.join();
    }

    void run() {
        for (;;) {
            Sample sample;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [this] { return !pending_.empty() || done_; });
                if (pending_.empty()) return;
                sample = std::move(pending_.front());
                pending_.pop_front();
            }
            try {
                if (!failure_) finder_.add(sample.t, sample.frame, steps_);
            } catch (...) {
                std::lock_guard lock(mutex_);
                failure_ = std::current_exception();
            }
            {
                std::lock_guard lock(mutex_);
                free_.push_back(std::move(sample.frame));
            }
            changed_.notify_all();
        }
    }

    StepFinder& finder_;
    std::vector<DetectedStep>& steps_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Sample> pending_;
    std::vector<cv::Mat> free_;
    std::exception_ptr failure_;
    bool done_ = false;
    std::thread thread_;  // last: started once everything it uses exists
};

}  // namespace

double min_change_fraction(double sensitivity) {
    return std::pow(10.0, -1.0 - 2.0 * std::clamp(sensitivity, 0.0, 1.0));
}

StepDetection detect_steps(const std::filesystem::path& video, const DetectOptions& options,
                           const Progress& progress) {
    OpenedVideo opened = open_video(video);
    StepDetection result;
    result.info = opened.info;
    const VideoInfo& info = opened.info;
    cv::VideoCapture& capture = opened.capture;

    FrameComparer comparer({info.width, info.height}, options.analysis_width);
    StepFinder finder(options, comparer);
    const double interval = 1.0 / std::clamp(options.analysis_fps, 0.5, 60.0);
    double next_sample = 0;
    double last_t = 0;
    auto last_report = Clock::now();
    AnalysisThread analysis(finder, result.steps);
    for (long long index = 0;; ++index) {
        if (progress.cancelled()) {
            analysis.finish();
            result.cancelled = true;
            return result;
        }
        if (!capture.grab()) break;
        ++result.frames_decoded;
        // The frame's own time stamp: recorders often write a variable frame rate.
        double t = capture.get(cv::CAP_PROP_POS_MSEC) / 1000.0;
        if (!(t > 0) || t < last_t) t = static_cast<double>(index) / info.fps;
        last_t = t;
        if (t + 1e-6 < next_sample) continue;
        next_sample += interval * std::max(1.0, std::floor((t - next_sample) / interval) + 1);
        cv::Mat frame = analysis.take_buffer();
        if (!capture.retrieve(frame) || frame.empty()) continue;
        if (frame.cols != info.width || frame.rows != info.height) {
            // A recording of a window that changed size: analyse it at the first size.
            cv::Mat resized;
            cv::resize(frame, resized, {info.width, info.height});
            frame = resized;
        }
        ++result.frames_analysed;
        analysis.add(t, std::move(frame));
        if (Clock::now() - last_report > std::chrono::milliseconds(200)) {
            progress.step("analysing", t, info.duration);
            last_report = Clock::now();
        }
    }
    analysis.finish();
    if (result.frames_decoded == 0) {
        throw Error(ErrorKind::InvalidContent,
                    "'" + video.string() +
                        "' has no frame that can be decoded: the file is damaged; export the "
                        "recording again");
    }
    const double decoded_until = last_t + 1.0 / info.fps;
    if (looks_truncated(info, decoded_until)) throw_truncated(video, info, decoded_until);
    finder.finish(result.steps);
    if (result.info.duration <= 0 || decoded_until > result.info.duration)
        result.info.duration = decoded_until;
    progress.step("analysing", result.info.duration, result.info.duration);
    return result;
}

}  // namespace lectern::lesson
