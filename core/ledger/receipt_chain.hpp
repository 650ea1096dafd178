#pragma once
// Whether the receipts a reader holds continue the space's receipt log from its first entry:
// each receipt's prev_hash is the hash of the entry before it, and no seq is missing. A reader
// who may not see other agents' receipts holds them as links (seq and body hash, as the server
// lists them), which is enough to recompute the chain (core/ledger/receipt.hpp says how).
// A server that drops, reorders or rewrites an entry breaks the chain there, and every receipt
// from that point on is no longer proof.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lectern::ledger {

/// One entry of the log as a reader holds it: a whole receipt (prev_hash and hash set) or a
/// link (only seq and body hash).
struct ChainEntry {
    std::int64_t seq = 0;
    std::string body_hash;
    std::string prev_hash;  ///< empty for a link
    std::string hash;       ///< empty for a link
};

struct ChainBreak {
    std::int64_t seq = 0;  ///< the first entry that does not continue the log
    std::string why;       ///< in words for a report
};

/// The first place where `entries` (any order; the same entry may come twice) stop continuing
/// the log from seq 1; nullopt when they are one unbroken chain.
std::optional<ChainBreak> find_chain_break(std::vector<ChainEntry> entries);

}  // namespace lectern::ledger
