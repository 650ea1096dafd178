#pragma once
// One lock per space, held for the whole of a ledger push (pre-receive, ref update,
// post-receive): two pushes of one space never check "record id not seen before" at the same
// time, so the same record cannot enter twice through two branches.

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace lectern::server {

class LedgerPushLocks {
  public:
    /// The lock of `space` (created on first use; never freed while the server runs).
    std::mutex& of(const std::string& space) {
        std::lock_guard lock(mutex_);
        auto& slot = locks_[space];
        if (!slot) slot = std::make_unique<std::mutex>();
        return *slot;
    }

  private:
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<std::mutex>> locks_;
};

}  // namespace lectern::server
