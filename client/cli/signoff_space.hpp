#pragma once
// The space a sign-off command works on: its content folder (a git working tree), the server's
// name for it, and this machine's ledger clone of it.

#include <filesystem>
#include <string>
#include <vector>

#include "ledger/signoff_status.hpp"
#include "ledger/space_ledger.hpp"

namespace lectern::cli {

struct SignoffSpace {
    std::filesystem::path content;
    std::string name;
    std::filesystem::path ledger;
};

/// From --space: a folder (a synced space's content, or a clone of <server>/<space>/content.git)
/// or the name of a synced space; without it, as other commands find their space. Throws
/// Error(InvalidArgument) when the folder is not a space of a server.
SignoffSpace locate_signoff_space(const std::string& option);

/// The statuses of `agents` in the space from the records of this machine's ledger clone.
std::vector<ledger::SignoffStatus> local_statuses(const SignoffSpace& where,
                                                  const std::vector<std::string>& agents);

/// The statuses of `agents` in the space from `records`.
std::vector<ledger::SignoffStatus> statuses_of(const SignoffSpace& where,
                                               const std::vector<ledger::StoredRecord>& records,
                                               const std::vector<std::string>& agents);

/// The space's ledger as the logged-in user may read it (ledger/space_ledger.hpp): every
/// agent's records and checked receipts, fetched from the server now, for a supervisor or
/// auditor; their own for an agent. `offline` (or no login) reads what was fetched before.
/// The note, if any, goes to stderr (unless offline). Throws Error(InvalidArgument) when `agent` is
/// another agent than the reader and the reader may see only their own records.
ledger::SpaceLedger read_ledger_of(const SignoffSpace& where, bool offline,
                                   const std::string& agent = {});

}  // namespace lectern::cli
