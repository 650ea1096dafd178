#pragma once
// Times in the ledger are RFC 3339 in UTC ("2026-03-01T09:30:00Z"): readable in a bundle, and
// comparable as text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lectern::ledger {

/// Seconds since the Unix epoch as "YYYY-MM-DDTHH:MM:SSZ".
std::string format_utc(std::int64_t unix_seconds);

/// Seconds since the Unix epoch of "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)"; the
/// fraction is dropped. Nothing for anything else.
std::optional<std::int64_t> parse_utc(std::string_view text);

}  // namespace lectern::ledger
