#pragma once
// Slows password and token guessing: too many failures for one account, or from one address,
// within a window, and further attempts are refused until the window has passed.

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace lectern::server {

struct ThrottleLimits {
    int failures_per_account = 10;
    int failures_per_address = 50;
    std::chrono::seconds window{300};
};

class LoginThrottle {
  public:
    explicit LoginThrottle(ThrottleLimits limits) : limits_(limits) {}

    /// False while the account or the address has used up its failures.
    bool allows(const std::string& account, const std::string& address);
    /// Records a failed attempt against both.
    void record_failure(const std::string& account, const std::string& address);

  private:
    using Clock = std::chrono::steady_clock;
    bool over(std::map<std::string, std::deque<Clock::time_point>>& table, const std::string& key,
              int limit, Clock::time_point now);

    ThrottleLimits limits_;
    std::mutex mutex_;
    std::map<std::string, std::deque<Clock::time_point>> by_account_;
    std::map<std::string, std::deque<Clock::time_point>> by_address_;
};

}  // namespace lectern::server
