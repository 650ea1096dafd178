#pragma once
// Gathering what `lectern report` shows. A trainer, supervisor or auditor (who may read the space's
// ledger.git) gets every agent's records, fetched from the server now, and every receipt; an
// agent (who may not) gets only their own records and receipts from this device. Offline, the
// report says it is built from what was fetched before.

#include <filesystem>
#include <string>
#include <vector>

#include "ledger/signoff_report.hpp"
#include "sync/git_transfer.hpp"

namespace lectern::ledger {

struct ReportRequest {
    std::filesystem::path content;  ///< the space's content (a git working tree)
    std::string space;              ///< its name on the server
    std::filesystem::path ledger;   ///< the local ledger clone
    std::string server;             ///< empty: do not ask the server (offline)
    sync::Credentials credentials;
    /// Only these agents; empty: everyone whose records the reader may see. Agents named here
    /// appear even when they signed nothing (the server does not list members).
    std::vector<std::string> agents;
};

/// Builds the report. Throws Error(InvalidArgument) when an agent asks for someone else's
/// records, Error(NotFound) when the content is not a git working tree.
SignoffReport build_signoff_report(const ReportRequest& request);

}  // namespace lectern::ledger
