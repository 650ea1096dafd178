#pragma once

#include <string_view>

namespace lectern::content {

/// The text of schemas/NAME.schema.json as built into the binary, or empty if there is none.
std::string_view embedded_schema(std::string_view name);

}  // namespace lectern::content
