#pragma once
// Passwords (Argon2id) and personal access tokens (random, stored only as a hash), via libsodium.

#include <string>
#include <string_view>

namespace lectern::server {

/// Initialises libsodium; call once before any other function here. Throws Error(Library).
void ensure_sodium();

/// An Argon2id hash of `password` in libsodium's self-describing string form.
std::string hash_password(std::string_view password);
/// True if `password` matches `stored` (a hash_password() result). Constant time.
bool verify_password(std::string_view password, const std::string& stored);

/// A new personal access token: "lct_" followed by 32 random bytes in base64url.
std::string generate_token();
/// The hex BLAKE2b-256 of a token, what the store keeps. Tokens carry 256 random bits, so a
/// fast hash is enough: nothing is gained by guessing inputs (unlike passwords).
std::string hash_token(std::string_view token);

/// A random password a person can type: 20 characters of base64url.
std::string generate_password();

}  // namespace lectern::server
