#pragma once
// The space a sign-off command works on: its content folder (a git working tree), the server's
// name for it, and this machine's ledger clone of it.

#include <filesystem>
#include <string>

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

}  // namespace lectern::cli

#include <vector>

#include "ledger/signoff_status.hpp"

namespace lectern::cli {

/// The statuses of `agents` in the space from the records of this machine's ledger clone.
std::vector<ledger::SignoffStatus> local_statuses(const SignoffSpace& where,
                                                  const std::vector<std::string>& agents);

}  // namespace lectern::cli
