#pragma once
// Brings one space's local copy up to the server's: fetch, check the new tree is safe, check
// it out beside the reader's tree, swap, update the search index, fetch the LFS objects of the
// onboarding path, and say which documents changed.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sync/content_changes.hpp"
#include "sync/git_transfer.hpp"
#include "sync/progress.hpp"

namespace lectern::sync {

struct SyncOptions {
    std::string space;
    std::string server;  ///< "http://host:port"; the content is <server>/<space>/content.git
    Credentials credentials;
    Progress progress;
    /// Update the space's search index after the swap (incrementally: only what changed).
    bool update_index = true;
    /// The index folder; empty: the search index's default for the content folder.
    std::filesystem::path index_dir;
    /// Download the LFS objects of the lessons on the space's onboarding paths.
    bool prefetch_lfs = true;
};

/// Where an agent's local edits went.
struct SetAsideEdits {
    std::filesystem::path folder;
    std::vector<std::string> files;    ///< copied there
    std::vector<std::string> deleted;  ///< listed in its DELETED.txt
};

struct SyncReport {
    std::string space;
    /// Set when the sync did not complete; the reader's tree is then as it was before.
    std::optional<TransferFailure> failure;
    std::string old_commit;  ///< empty on the first sync
    std::string new_commit;  ///< the reader's tree now (== old_commit on failure)
    ContentChanges changes;
    std::optional<SetAsideEdits> set_aside;
    std::size_t received_objects = 0;
    std::uint64_t received_bytes = 0;
    /// The search index: its update failed or had to rebuild, and why; empty when it was
    /// updated incrementally or not asked for.
    std::string index_note;
    std::size_t lfs_downloaded = 0;
    std::uint64_t lfs_bytes = 0;
    /// LFS objects of the path that could not be fetched (the sync itself still succeeded).
    std::vector<std::string> lfs_problems;

    bool ok() const noexcept { return !failure; }
    bool up_to_date() const noexcept { return ok() && old_commit == new_commit; }
};

/// Syncs `options.space`. Failures a person can act on (server unreachable, 401, 403/404,
/// cancel, an unsafe tree from the server) are in the report; the reader's tree and the
/// search index then stay at the last synced commit and a later sync retries. Only one sync
/// of a space runs at a time. Throws Error(Io) when another sync of the space is running or
/// the disk fails, Error(Library) when the local repository is damaged beyond repair.
SyncReport sync_space(const SyncOptions& options);

}  // namespace lectern::sync
