#include "auth/login_throttle.hpp"

namespace lectern::server {

bool LoginThrottle::over(std::map<std::string, std::deque<Clock::time_point>>& table,
                         const std::string& key, int limit, Clock::time_point now) {
    auto it = table.find(key);
    if (it == table.end()) return false;
    auto& times = it->second;
    while (!times.empty() && now - times.front() > limits_.window) times.pop_front();
    if (times.empty()) {
        table.erase(it);  // keeps the tables as small as the set of recent offenders
        return false;
    }
    return static_cast<int>(times.size()) >= limit;
}

bool LoginThrottle::allows(const std::string& account, const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto now = Clock::now();
    return !over(by_account_, account, limits_.failures_per_account, now) &&
           !over(by_address_, address, limits_.failures_per_address, now);
}

void LoginThrottle::record_failure(const std::string& account, const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto now = Clock::now();
    by_account_[account].push_back(now);
    by_address_[address].push_back(now);
}

}  // namespace lectern::server
