#pragma once
// A small ledger on the real server (three records of two agents in alpha) exported with the
// real `lectern audit export`, and tools to tamper with bundles the way a dishonest party
// would: by rewriting branches with new git objects made from real records.

#include <filesystem>
#include <string>
#include <vector>

#include "ledger/audit_bundle.hpp"
#include "ledger/record.hpp"
#include "ledger_fixture.hpp"

namespace lectern::test {

struct AuditLedger {
    std::vector<ledger::Record> agent_records;  ///< alpha-agent's, on agents/alpha-agent/audit-1
    ledger::Record trainer_record;              ///< on agents/alpha-trainer/audit-2
};

/// Pushed once per process.
const AuditLedger& audit_ledger();

/// Runs `lectern audit export` as alpha-auditor (token through --token-fd); extra arguments
/// such as "--agent alpha-agent". Fails the test on error.
std::filesystem::path export_bundle(const std::string& name, const std::string& extra = "");

/// Runs `lectern ARGS`.
CommandResult lectern(const std::string& args);

/// Replaces (or adds) `bundle_ref` in the bundle by a branch made of `records` committed in
/// this order in a new local repository, with every object it needs.
void put_branch(ledger::AuditBundle& bundle, const std::string& bundle_ref,
                const std::vector<ledger::Record>& records);

}  // namespace lectern::test
