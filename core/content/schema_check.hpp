#pragma once
// Validating front matter against the JSON Schemas in schemas/ and saying what is wrong
// in the words of the field, at the field's line and column.

#include <string>

#include "common/diagnostic.hpp"
#include "content/front_matter.hpp"

namespace lectern::content {

/// Validates `data` against the embedded schema `schema_name` (procedure, script, lesson,
/// quiz, path, manifest) and reports every violation. Returns true when valid.
/// Throws Error(Library) only if the embedded schema itself is broken.
bool check_against_schema(const LocatedJson& data, const std::string& schema_name,
                          Diagnostics& out);

}  // namespace lectern::content
