#pragma once
// Ed25519 keys and detached signatures (libsodium's crypto_sign), the only signature scheme
// of the ledger. Secret keys live in SecureBuffers and never leave them except sealed.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "ledger/secure_buffer.hpp"

namespace lectern::ledger {

inline constexpr std::size_t kPublicKeyBytes = 32;
inline constexpr std::size_t kSecretKeyBytes = 64;  // libsodium's seed ‖ public key form
inline constexpr std::size_t kSignatureBytes = 64;

/// An Ed25519 public key (32 bytes).
struct PublicKey {
    std::array<unsigned char, kPublicKeyBytes> bytes{};

    /// Standard padded base64, the form records and the REST API carry (44 characters).
    std::string base64() const;
    /// The key written as base64(), or nullopt if `text` is not 32 bytes of padded base64.
    static std::optional<PublicKey> from_base64(std::string_view text);
    bool operator==(const PublicKey&) const = default;
};

/// An Ed25519 secret key in protected memory. Move-only; wiped when it dies.
class SigningKey {
  public:
    /// A new random key pair. Throws Error(Library) if libsodium cannot.
    static SigningKey generate();
    /// Takes a 64-byte secret key in libsodium's form; throws Error(InvalidArgument) otherwise.
    static SigningKey from_secret(SecureBuffer secret);

    PublicKey public_key() const;
    /// The detached signature of `message`.
    std::array<unsigned char, kSignatureBytes> sign(std::string_view message) const;
    /// The 64 secret bytes, for sealing them under a passphrase.
    const SecureBuffer& secret() const noexcept { return secret_; }

  private:
    explicit SigningKey(SecureBuffer secret) : secret_(std::move(secret)) {}
    SecureBuffer secret_;
};

/// Whether `signature` (raw bytes) is `key`'s Ed25519 signature of `message`.
bool verify_detached(std::string_view message, std::string_view signature, const PublicKey& key);

}  // namespace lectern::ledger
