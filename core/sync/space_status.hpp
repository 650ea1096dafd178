#pragma once
// What `lectern status` and the app say about a synced space, read from disk only (works
// offline).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "sync/sync_state.hpp"

namespace lectern::sync {

struct SpaceStatus {
    std::string space;
    bool synced = false;            ///< a content tree exists
    std::string commit;             ///< of the content tree
    std::optional<SyncState> last;  ///< what the last sync attempt recorded
    std::size_t lfs_cached = 0;     ///< LFS objects of the tree in the cache
    std::size_t lfs_missing = 0;    ///< LFS objects of the tree not downloaded yet
    /// Ledger records committed locally and not yet on the server (commits of local branches
    /// missing from their remote-tracking branch); nullopt when there is no ledger clone.
    std::optional<std::size_t> ledger_waiting;
    std::size_t set_aside_folders = 0;  ///< folders of local edits kept by past syncs

    /// The last attempt failed because the server could not be reached.
    bool offline() const { return last && last->failure_reason == "unreachable"; }
};

/// The status of `space`. Throws Error(InvalidArgument) for a bad space name, Error(Library)
/// when a repository is damaged.
SpaceStatus space_status(std::string_view space);

}  // namespace lectern::sync
