#pragma once
// Whether a receipt from the server can be believed: sealed by the server key this client
// pinned the first time it saw one, for this space, and for the record as this client holds
// it (same agent, same commit). An agent's sync checks their own receipts with it; a
// supervisor's report checks every agent's.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "ledger/local_ledger.hpp"
#include "ledger/receipt_store.hpp"
#include "sync/git_transfer.hpp"
#include "sync/progress.hpp"

namespace lectern::ledger {

/// Asks the server for its receipt key (GET /api/v1/server-key) and pins it in `store` when
/// the store has none yet. A failure when the server cannot be asked, or when it shows another
/// key than the pinned one (its receipts must then not be believed).
std::optional<sync::TransferFailure> pin_server_key(const std::string& server,
                                                    const sync::Credentials& credentials,
                                                    const sync::Progress& progress,
                                                    ReceiptStore& store);

/// Empty when `receipt` (as the server sent it) is sealed by `server_key`, is for `space` and,
/// when `record` is given, is for its agent and names the commit that carried it; else why not,
/// in words for a report ("is not sealed by the server's key").
std::string receipt_problem(const nlohmann::json& receipt, const std::string& server_key,
                            std::string_view space, const StoredRecord* record);

}  // namespace lectern::ledger
