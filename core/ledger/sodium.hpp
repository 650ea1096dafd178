#pragma once
// libsodium set-up and the base64 form keys and signatures take in records and the REST API.

#include <optional>
#include <string>
#include <string_view>

namespace lectern::ledger {

/// Initialises libsodium once per process. Throws Error(Library) if it cannot (no entropy).
void ensure_sodium();

/// Standard base64 with padding (RFC 4648 §4), as records and `POST /api/v1/keys` carry keys.
std::string to_base64(std::string_view bytes);
/// The bytes of standard padded base64, or nullopt if `text` is not exactly that.
std::optional<std::string> from_base64(std::string_view text);

/// `count` random bytes as lowercase hex (2·count characters).
std::string random_hex(std::size_t count);

}  // namespace lectern::ledger
