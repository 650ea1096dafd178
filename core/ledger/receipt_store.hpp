#pragma once
// The receipts this client has from the server for an agent's records, kept beside the ledger
// clone in spaces/<space>/receipts/<agent>.json: proof of when the server accepted each record.
// One file per agent: the seq each fetch continues after is per reader.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace lectern::ledger {

struct ReceiptStore {
    std::int64_t last_seq = 0;  ///< the highest seq fetched: the next fetch asks after it
    /// The server's receipt key (base64) as first seen: every receipt must be sealed by it,
    /// and a server that later shows another key is not believed.
    std::string server_key;
    /// record id → the receipt as the server sent it ({seq, record_id, commit, server_time…})
    std::map<std::string, nlohmann::json> by_record;
    /// seq → body hash of the other agents' receipts up to last_seq, as the server listed
    /// them: with by_record they make the whole chain, so its continuity can be checked.
    std::map<std::int64_t, std::string> links;
};

/// spaces/<space>/receipts/<agent>.json for the ledger clone at `ledger` (beside it).
std::filesystem::path receipts_file(const std::filesystem::path& ledger, const std::string& agent);

/// The stored receipts; empty when there are none yet. A file written before links were kept
/// loads with last_seq 0, so the next sync fetches the chain again. Throws
/// Error(InvalidContent) naming the file when it is damaged.
ReceiptStore load_receipts(const std::filesystem::path& file);

/// Writes the receipts atomically. Throws Error(Io).
void save_receipts(const std::filesystem::path& file, const ReceiptStore& store);

}  // namespace lectern::ledger
