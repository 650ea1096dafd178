#pragma once
// How long index runs report progress and learn they should stop: no UI types, no threads.

#include <atomic>
#include <cstddef>
#include <functional>
#include <string_view>

namespace lectern::search {

/// Set from any thread (a Cancel button) to stop an index run at its next document. The run
/// then leaves the index as it was before it started.
class CancelToken {
  public:
    void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
    bool cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }

  private:
    std::atomic<bool> cancelled_{false};
};

/// One step of an index run: `done` of `total` documents in the named phase
/// ("loading", "indexing", "saving").
struct ProgressStep {
    std::string_view phase;
    std::size_t done = 0;
    std::size_t total = 0;
};

/// Where an index run reports to. Both members are optional. `report` is called on the
/// indexing thread, often: a front end posts the numbers to its UI thread and returns.
struct Progress {
    std::function<void(const ProgressStep&)> report;
    const CancelToken* cancel = nullptr;

    bool cancelled() const noexcept { return cancel && cancel->cancelled(); }
    void step(std::string_view phase, std::size_t done, std::size_t total) const {
        if (report) report({phase, done, total});
    }
};

}  // namespace lectern::search
