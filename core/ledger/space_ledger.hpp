#pragma once
// A space's ledger as one reader may see it, for reports and exports (`lectern report`,
// `lectern quiz report`, `lectern xapi export`). A trainer, supervisor or auditor (who may read the
// space's ledger.git) gets every agent's records, fetched from the server now under the ledger
// lock, and every receipt of the space; an agent (who may not) gets their own records and the
// receipts this device stored. Every receipt is checked against the server key pinned on this
// machine and against the record it names; the ones that fail are kept apart with the reason.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ledger/local_ledger.hpp"
#include "sync/git_transfer.hpp"

namespace lectern::ledger {

struct SpaceLedgerRequest {
    std::string space;             ///< its name on the server
    std::filesystem::path ledger;  ///< the local ledger clone
    std::string server;            ///< empty: do not ask the server (offline)
    sync::Credentials credentials;
};

struct SpaceLedger {
    /// "space" (every agent's records the clone holds) or "agent <name>" (the reader's own:
    /// the server does not let them read the space's ledger).
    std::string scope;
    /// A caveat a reader must see, e.g. that the ledger could not be fetched just now.
    std::string note;
    std::vector<StoredRecord> records;
    /// record id → the server's receipt, checked.
    std::map<std::string, nlohmann::json> receipts;
    /// record id → why the receipt the server sent for it is not believed.
    std::map<std::string, std::string> refused_receipts;
    /// When every agent's branches were last fetched to this machine (RFC 3339 UTC); empty
    /// when never: other agents' records are then not here at all.
    std::string fetched_at;
    bool own_only() const { return scope != "space"; }
};

/// The file beside the ledger clone that says when the space's ledger was last fetched.
std::filesystem::path space_fetch_mark(const std::filesystem::path& ledger);

/// Reads (and, with a server, first fetches) the space's ledger for the reader named in
/// `request.credentials`. Throws Error(Library|Io) when the local clone cannot be read or made.
SpaceLedger read_space_ledger(const SpaceLedgerRequest& request);

}  // namespace lectern::ledger
