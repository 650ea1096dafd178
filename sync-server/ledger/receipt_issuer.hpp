#pragma once
// Issuing receipts for what ledger.git holds. The pre-receive hook lets only valid records in,
// so every commit on an agent branch is an accepted record; a receipt is owed for each. The
// post-receive hook issues them; if it never ran (the server or the hook was killed after git
// moved the ref), the next push of the space and the next start of the server issue them: a
// refused push never gets one (it never reaches a ref) and an accepted one never loses it.

#include <string>
#include <vector>

#include "ledger/receipt.hpp"
#include "state_dir.hpp"

namespace lectern::ledger {
class SigningKey;
}

namespace lectern::server {

class ReceiptLog;

/// Receipts for every record on the space's agent branches that has none yet, each branch
/// oldest first. Returns the receipts issued now.
std::vector<ledger::Receipt> issue_missing_receipts(const StateDir& state, const std::string& space,
                                                    ReceiptLog& log, const ledger::SigningKey& key);

}  // namespace lectern::server
