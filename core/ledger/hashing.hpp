#pragma once
// Hashes and signatures in the text form receipts, log heads and key statements carry: SHA-256
// as lowercase hex, Ed25519 signatures as standard base64 (ed25519.hpp does the signing).

#include <string>
#include <string_view>

namespace lectern::ledger {

class SigningKey;

/// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

/// True for exactly `digits` lowercase hex digits (a changed case is a changed value).
bool is_lower_hex(std::string_view text, std::size_t digits);

/// base64 of `key`'s detached signature of `message`.
std::string sign_to_base64(const SigningKey& key, std::string_view message);

/// True if `signature_b64` is a valid signature of `message` by the key `public_key_b64`; false
/// (never an exception) when either is malformed.
bool verify_base64(std::string_view message, std::string_view signature_b64,
                   std::string_view public_key_b64);

}  // namespace lectern::ledger
