#pragma once
// GET /api/v1/spaces/<space>/receipts, page by page.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "sync/git_transfer.hpp"
#include "sync/progress.hpp"

namespace lectern::ledger {

struct ReceiptQuery {
    std::string server;
    sync::Credentials credentials;
    std::string space;
    std::string agent;       ///< only this agent's receipts; empty: all (supervisors, auditors)
    std::int64_t after = 0;  ///< receipts with a larger seq
    sync::Progress progress;
};

/// Calls `on_page` with each page's receipts and links (JSON arrays; a link is {seq,
/// body_hash} of a receipt the reader may not see) and the highest seq seen so far, until the
/// server has no more. nullopt when every page arrived, else why not (pages already
/// handed over stay handed over).
std::optional<sync::TransferFailure> fetch_receipts(
    const ReceiptQuery& query,
    const std::function<void(const nlohmann::json& receipts, const nlohmann::json& links,
                             std::int64_t last_seq)>& on_page);

}  // namespace lectern::ledger
