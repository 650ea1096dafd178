#pragma once
// When the app has gone without input long enough to lock. The clock is injected so a test
// can move time on by 15 minutes in a moment. No windows here.

#include <chrono>
#include <mutex>

namespace lectern::desktop {

/// The time source of the idle timer.
class Clock {
  public:
    using time_point = std::chrono::steady_clock::time_point;
    virtual ~Clock() = default;
    virtual time_point now() const = 0;
};

/// The real one: std::chrono::steady_clock (never jumps with the wall clock).
class SteadyClock : public Clock {
  public:
    time_point now() const override { return std::chrono::steady_clock::now(); }
};

/// A clock that moves only when told to (tests).
class ManualClock : public Clock {
  public:
    time_point now() const override {
        std::lock_guard lock(mutex_);
        return now_;
    }
    void advance(std::chrono::steady_clock::duration by) {
        std::lock_guard lock(mutex_);
        now_ += by;
    }

  private:
    mutable std::mutex mutex_;
    time_point now_ = std::chrono::steady_clock::now();
};

class IdleMonitor {
  public:
    /// Counts from now on `clock`, which must outlive the monitor.
    IdleMonitor(const Clock& clock, std::chrono::minutes limit);

    /// Input arrived (a key, a click, the mouse moved): the count starts again.
    void note_input();
    /// The limit of the space's policy; at least one minute.
    void set_limit(std::chrono::minutes limit);
    std::chrono::minutes limit() const { return limit_; }
    /// Switches to another clock (tests), counting from its now.
    void set_clock(const Clock& clock);
    /// True once `limit` has passed since the last input.
    bool expired() const;

  private:
    const Clock* clock_;
    std::chrono::minutes limit_;
    Clock::time_point last_input_;
};

}  // namespace lectern::desktop
