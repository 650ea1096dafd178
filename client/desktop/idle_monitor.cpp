#include "idle_monitor.hpp"

#include <algorithm>

namespace lectern::desktop {

IdleMonitor::IdleMonitor(const Clock& clock, std::chrono::minutes limit)
    : clock_(&clock), limit_(std::max(limit, std::chrono::minutes(1))), last_input_(clock.now()) {}

void IdleMonitor::note_input() {
    last_input_ = clock_->now();
}

void IdleMonitor::set_limit(std::chrono::minutes limit) {
    limit_ = std::max(limit, std::chrono::minutes(1));
}

void IdleMonitor::set_clock(const Clock& clock) {
    clock_ = &clock;
    last_input_ = clock.now();
}

bool IdleMonitor::expired() const {
    return clock_->now() - last_input_ >= limit_;
}

}  // namespace lectern::desktop
