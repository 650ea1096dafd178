#pragma once
// Checking a parsed record against schemas/ledger-record.schema.json (built into the binary).

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace lectern::ledger {

/// What is wrong with `value` as a ledger record, in words (the field and its x-hint), or
/// nullopt if it is valid. Throws Error(Library) only if the built-in schema is broken.
std::optional<std::string> record_schema_violation(const nlohmann::json& value);

}  // namespace lectern::ledger
