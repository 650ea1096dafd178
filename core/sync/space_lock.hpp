#pragma once
// One sync of a space at a time, across processes (internal to core/sync). The kernel drops
// the lock when its holder dies, so a killed sync never blocks the next.

#include <filesystem>

namespace lectern::sync {

class SpaceLock {
  public:
    /// Takes the lock in `folder` or throws Error(Io) saying another sync is running.
    explicit SpaceLock(const std::filesystem::path& folder);
    ~SpaceLock();
    SpaceLock(const SpaceLock&) = delete;
    SpaceLock& operator=(const SpaceLock&) = delete;

  private:
    int fd_ = -1;
};

}  // namespace lectern::sync
