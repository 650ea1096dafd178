#pragma once
// What the last sync of a space did, kept beside the space for `lectern status` and the app.

#include <filesystem>
#include <optional>
#include <string>

namespace lectern::sync {

struct SyncState {
    std::string server;          ///< the server synced from
    std::string last_attempt;    ///< RFC 3339 UTC
    std::string last_success;    ///< RFC 3339 UTC; empty if no sync ever succeeded
    std::string commit;          ///< the commit of the reader's tree after the last success
    std::string failure_reason;  ///< of the last attempt, empty when it succeeded
    std::string failure_message;
};

/// The state in `file`, or nullopt when there is none (or it cannot be parsed: it is only a
/// summary, and the next sync rewrites it).
std::optional<SyncState> read_sync_state(const std::filesystem::path& file);
/// Writes it atomically. Throws Error(Io).
void write_sync_state(const std::filesystem::path& file, const SyncState& state);

}  // namespace lectern::sync
