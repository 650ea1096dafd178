#pragma once
// One sync of a space at a time, across processes (internal to core/sync). The kernel drops
// the lock when its holder dies, so a killed sync never blocks the next.

#include <filesystem>
#include <string>
#include <vector>

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

/// Removes the `*.lock` files a killed process left in the git folders under `git_dirs`
/// (libgit2 and git refuse to touch a ref, the index or the config while its lock file
/// exists). Only call while holding the SpaceLock of the space these folders belong to: no
/// other process writes there then, so every lock file found is stale. Returns the paths
/// removed.
std::vector<std::string> remove_stale_git_locks(const std::vector<std::filesystem::path>& git_dirs);

}  // namespace lectern::sync
