#pragma once
// The work-tree half of "what is not committed" (internal to core/search): the files of a git
// work tree that differ from its index, found by comparing the index's stat data with the
// files, the way git does, on up to two threads. No libgit2 type in this header.

#include <exception>
#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "search/incremental/tree_listing.hpp"

namespace lectern::search::incremental {

/// A scan of a work tree against its index, started by the constructor on its own threads
/// (each with its own libgit2 handles) so that the caller can do other work meanwhile.
///
/// Reported: tracked files that are edited, deleted, replaced (by a folder, a symlink or back)
/// or whose executable bit changed; conflicted and intent-to-add entries; files that no
/// entry tracks and no ignore rule drops, in untracked folders too (a nested repository is
/// reported as "folder/", as git does). Files whose stat data differs from the index, or
/// that were written no earlier than the index itself (git's "racily clean" entries), are
/// hashed with the repository's filters and reported only when their content differs.
/// Skipped: skip-worktree and assume-unchanged entries, submodules, and .git folders.
class WorkTreeScan {
  public:
    /// Starts scanning the work tree at `work_dir`, the top of a non-bare repository.
    explicit WorkTreeScan(std::filesystem::path work_dir);
    /// Waits for the scan if wait() was not called, dropping what it found.
    ~WorkTreeScan();
    WorkTreeScan(const WorkTreeScan&) = delete;
    WorkTreeScan& operator=(const WorkTreeScan&) = delete;

    /// The tree that the index is as a whole, from git's cache-tree extension, once the scan
    /// has read the index (IndexFile::tree); nullopt when the index does not say or could not
    /// be read (wait() then says why).
    std::optional<ObjectId> index_tree() const { return index_tree_.get(); }

    /// The paths found (relative to the work tree, '/'-separated, unsorted, possibly
    /// repeated), once the scan is done. Throws Error(Io) when a folder or file cannot be
    /// read for another reason than being gone, Error(Library) when git fails; both name
    /// the path.
    std::vector<std::string> wait();

  private:
    std::vector<std::string> found_;
    std::exception_ptr error_;
    std::promise<std::optional<ObjectId>> index_read_;
    std::shared_future<std::optional<ObjectId>> index_tree_ = index_read_.get_future().share();
    std::jthread thread_;
};

}  // namespace lectern::search::incremental
