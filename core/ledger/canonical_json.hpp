#pragma once
// The one byte form of a JSON value that ledger signatures cover (docs/ledger.md):
// object keys sorted by their UTF-8 bytes, no whitespace, strings as UTF-8 with only '"', '\'
// and control characters escaped, integers in decimal. Fractions are refused: their decimal
// form is not unique across libraries, so records carry integers or strings instead.

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace lectern::ledger {

/// The canonical form of `value`. Throws Error(InvalidArgument) for a floating-point number
/// or a string that is not well-formed UTF-8, naming the field.
std::string canonical_json(const nlohmann::json& value);

}  // namespace lectern::ledger
