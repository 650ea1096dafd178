#pragma once
// One way for long work (indexing, sync, video analysis) to learn it should stop.

#include <atomic>

namespace lectern {

/// Set from any thread (a Cancel button, Ctrl+C) to stop long work at its next check. Each
/// kind of work says in its own header what it leaves behind when cancelled. One token may
/// be handed to several kinds of work: a sync followed by its index update, say.
class CancelToken {
  public:
    void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
    bool cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }

  private:
    std::atomic<bool> cancelled_{false};
};

}  // namespace lectern
