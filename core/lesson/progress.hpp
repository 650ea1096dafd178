#pragma once
// How long lesson work (analysing, redacting a video) reports progress and learns it should
// stop: no UI types, no threads.

#include <atomic>
#include <functional>
#include <string_view>

namespace lectern::lesson {

/// Set from any thread (a Cancel button, Ctrl+C) to stop the work at its next frame. The
/// work then returns a result that says it was cancelled and leaves the space as it was.
class CancelToken {
  public:
    void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
    bool cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }

  private:
    std::atomic<bool> cancelled_{false};
};

/// `done` of `total` seconds of video in the named phase ("analysing", "redacting").
struct ProgressStep {
    std::string_view phase;
    double done = 0;
    double total = 0;
};

/// Where lesson work reports to. Both members are optional; `report` is called on the
/// working thread a few times a second at most.
struct Progress {
    std::function<void(const ProgressStep&)> report;
    const CancelToken* cancel = nullptr;

    bool cancelled() const noexcept { return cancel && cancel->cancelled(); }
    void step(std::string_view phase, double done, double total) const {
        if (report) report({phase, done, total});
    }
};

}  // namespace lectern::lesson
