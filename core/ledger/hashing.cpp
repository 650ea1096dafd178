#include "ledger/hashing.hpp"

#include <sodium.h>

#include "ledger/ed25519.hpp"
#include "ledger/sodium.hpp"

namespace lectern::ledger {

std::string sha256_hex(std::string_view bytes) {
    ensure_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

bool is_lower_hex(std::string_view text, std::size_t digits) {
    if (text.size() != digits) return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

std::string sign_to_base64(const SigningKey& key, std::string_view message) {
    const auto sig = key.sign(message);
    return to_base64({reinterpret_cast<const char*>(sig.data()), sig.size()});
}

bool verify_base64(std::string_view message, std::string_view signature_b64,
                   std::string_view public_key_b64) {
    const auto key = PublicKey::from_base64(public_key_b64);
    const auto sig = from_base64(signature_b64);
    return key && sig && verify_detached(message, *sig, *key);
}

}  // namespace lectern::ledger
