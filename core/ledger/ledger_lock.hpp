#pragma once
// One writer at a time in a ledger clone, across processes. The kernel drops the lock when its
// holder dies, so a `lectern sign` killed halfway never blocks the next one; and because every
// writer holds it, a git lock file found while holding it was left by a killed writer.

#include <cstddef>
#include <filesystem>
#include <string>

namespace lectern::ledger {

class LedgerLock {
  public:
    /// Waits for and takes the lock of the ledger clone at `ledger` (its folder must exist).
    /// Throws Error(Io) when the lock file cannot be opened.
    explicit LedgerLock(const std::filesystem::path& ledger);
    ~LedgerLock();
    LedgerLock(const LedgerLock&) = delete;
    LedgerLock& operator=(const LedgerLock&) = delete;

  private:
    int fd_ = -1;
};

/// Removes `<git_dir>/<ref>.lock` if a killed writer left it. Call only while holding the
/// LedgerLock. Returns true when there was one.
bool remove_stale_ref_lock(const std::filesystem::path& git_dir, const std::string& ref);

/// Removes every git lock file a killed writer or fetch may have left in the repository at
/// `git_dir` (refs/**.lock, packed-refs.lock, HEAD.lock, config.lock, index.lock,
/// FETCH_HEAD.lock). Call only while holding the LedgerLock: every process that writes the
/// ledger clone holds it, so a lock file found then has no living owner. Returns how many
/// were removed. Same approach as sync::remove_stale_git_locks() under the space lock, but
/// limited to git's own lock names: a walk of the whole folder would also take the ledger's
/// own flock file (lectern-ledger.lock) for a stale git lock.
std::size_t remove_stale_git_locks(const std::filesystem::path& git_dir);

}  // namespace lectern::ledger
