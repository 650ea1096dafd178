#pragma once
// `lectern audit export`: gathers a space's ledger (or one agent's part of it) from the server
// into one AuditBundle: the agents' branches and their objects fetched from ledger.git, the
// document versions the records point at from content.git, the key statements, the receipts
// up to the log head, and the head. Needs a supervisor's, auditor's or admin's token.

#include <filesystem>
#include <optional>
#include <string>

#include "ledger/audit_bundle.hpp"
#include "sync/git_transfer.hpp"
#include "sync/progress.hpp"

namespace lectern::ledger {

struct AuditExportOptions {
    std::string server;  ///< "http://host:port"
    sync::Credentials credentials;
    std::string space;
    std::optional<std::string> agent;  ///< only this agent's records
    std::filesystem::path work_dir;    ///< an empty folder for the fetched repositories
    sync::Progress progress;
};

struct AuditExport {
    AuditBundle bundle;
    /// Records fetched whose receipt was not issued yet when the head was read: left out (a
    /// later export has them).
    std::size_t left_out = 0;
};

/// Throws Error(NotFound/InvalidArgument) with the server's words when a request is refused
/// (wrong token, not a member, a role that may not read the ledger), Error(Io) when the server
/// cannot be reached.
AuditExport export_audit_bundle(const AuditExportOptions& options);

}  // namespace lectern::ledger
