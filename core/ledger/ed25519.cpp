#include "ledger/ed25519.hpp"

#include <sodium.h>

#include <algorithm>

#include "common/error.hpp"
#include "ledger/sodium.hpp"

namespace lectern::ledger {

static_assert(kPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kSecretKeyBytes == crypto_sign_SECRETKEYBYTES);
static_assert(kSignatureBytes == crypto_sign_BYTES);

std::string PublicKey::base64() const {
    return to_base64({reinterpret_cast<const char*>(bytes.data()), bytes.size()});
}

std::optional<PublicKey> PublicKey::from_base64(std::string_view text) {
    const auto raw = ledger::from_base64(text);
    if (!raw || raw->size() != kPublicKeyBytes) return std::nullopt;
    PublicKey key;
    std::copy(raw->begin(), raw->end(), key.bytes.begin());
    return key;
}

SigningKey SigningKey::generate() {
    SecureBuffer secret(kSecretKeyBytes);
    unsigned char public_key[kPublicKeyBytes];
    if (crypto_sign_keypair(public_key, secret.data()) != 0)
        throw Error(ErrorKind::Library, "libsodium could not make an Ed25519 key pair");
    return SigningKey(std::move(secret));
}

SigningKey SigningKey::from_secret(SecureBuffer secret) {
    if (secret.size() != kSecretKeyBytes)
        throw Error(
            ErrorKind::InvalidArgument,
            "an Ed25519 secret key has 64 bytes; this one has " + std::to_string(secret.size()));
    return SigningKey(std::move(secret));
}

PublicKey SigningKey::public_key() const {
    PublicKey key;
    crypto_sign_ed25519_sk_to_pk(key.bytes.data(), secret_.data());
    return key;
}

std::array<unsigned char, kSignatureBytes> SigningKey::sign(std::string_view message) const {
    std::array<unsigned char, kSignatureBytes> signature{};
    crypto_sign_detached(signature.data(), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         secret_.data());
    return signature;
}

bool verify_detached(std::string_view message, std::string_view signature, const PublicKey& key) {
    ensure_sodium();
    if (signature.size() != kSignatureBytes) return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       message.size(), key.bytes.data()) == 0;
}

}  // namespace lectern::ledger
