#pragma once
// Every record of a ledger as xAPI statements.

#include <vector>

#include <nlohmann/json.hpp>

#include "ledger/local_ledger.hpp"
#include "xapi/statement.hpp"

namespace lectern::content {
class Space;
}

namespace lectern::xapi {

/// The facts of a ledger record; the language comes from the document in `space` when it is
/// there (nullptr: unknown).
RecordFacts facts_of(const ledger::Record& record, const content::Space* space);

/// One statement per record, in the order given, as a JSON array (what an LRS's statements
/// resource takes in one POST).
nlohmann::json statements(const std::vector<ledger::StoredRecord>& records,
                          const content::Space* space, const StatementOptions& options);

}  // namespace lectern::xapi
