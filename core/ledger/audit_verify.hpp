#pragma once
// `lectern audit verify`: everything in a bundle checked offline against everything else.
//
// - the server's signatures: log head, every receipt, every key statement;
// - the receipt chain: seq 1..size with no gap or repeat, each hash from the one before, the
//   last equal to the signed head; and, given a head kept from an earlier export, that this
//   log extends it (same hash at the kept size): a server that rewrote or dropped history
//   since is caught;
// - every ledger object's id is the git hash of its bytes, every content blob's id the git
//   hash of its bytes;
// - every branch refs/heads/agents/<user>/<device> is a straight line of commits, each adding
//   exactly one records/<id>.json whose record is valid, is the branch owner's, is signed by
//   that device's registered key (not revoked before its receipt), points at a content blob
//   the bundle holds, has an id seen once, and has exactly one receipt naming that commit,
//   with receipts in branch order;
// - every receipt of an exported agent names a commit on that agent's branches.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ledger/audit_bundle.hpp"

namespace lectern::ledger {

struct AuditSummary {
    std::vector<std::string> failures;  ///< each says what is wrong and where
    std::vector<std::string> notes;     ///< flagged receipts: signed far from receipt time
    std::size_t branches = 0;
    std::size_t records = 0;
    std::size_t agents = 0;
    std::int64_t log_size = 0;
    bool kept_head_checked = false;

    bool ok() const noexcept { return failures.empty(); }
};

/// Checks the bundle (and that it extends `kept_head` when given). Never throws for what the
/// bundle holds: every problem is a failure in the summary. With `first_failure_only` it stops
/// at the first one (cheap checks run first), for callers that only need a yes or no.
AuditSummary verify_bundle(const AuditBundle& bundle, const std::optional<LogHead>& kept_head,
                           bool first_failure_only = false);

}  // namespace lectern::ledger
