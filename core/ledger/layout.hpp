#pragma once
// Where records live in a space's ledger.git: one file records/<id>.json per record, added by
// one commit on the branch of the agent's device.

#include <string>
#include <string_view>

namespace lectern::ledger {

/// "records/<id>.json", the path of a record's file in the ledger's tree.
std::string record_file_path(std::string_view record_id);

/// "refs/heads/agents/<user>/<device>", the branch an agent's device appends its records to.
std::string agent_branch(std::string_view user, std::string_view device);

}  // namespace lectern::ledger
