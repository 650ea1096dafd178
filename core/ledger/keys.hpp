#pragma once
// This device's signing key: an Ed25519 key pair made at enrollment, the secret half sealed
// (XChaCha20-Poly1305) under a key derived from the agent's passphrase with Argon2id, in
// $XDG_DATA_HOME/lectern/keys/<user>@<device>.key (mode 0600). The passphrase is needed each
// time the key signs; nothing keeps the opened key after a signature.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "ledger/ed25519.hpp"
#include "ledger/secure_buffer.hpp"

namespace lectern::ledger {

/// How hard Argon2id works per passphrase try. Stored with each key, so a key opens with the
/// cost it was sealed with.
struct KdfCost {
    std::uint64_t opslimit = 0;
    std::size_t memlimit = 0;  ///< bytes

    /// libsodium's interactive limits (64 MiB, 2 passes): what `lectern enroll` uses.
    static KdfCost interactive();
    /// libsodium's minimum: only for tests, which enroll many keys.
    static KdfCost minimum();
};

/// The shortest passphrase enrollment accepts, in bytes.
inline constexpr std::size_t kMinPassphraseBytes = 8;

/// A key as stored on disk: public half in the clear, secret half sealed.
struct StoredKey {
    std::string user;
    std::string device;
    PublicKey public_key;
    std::string created_at;     ///< RFC 3339 UTC
    std::string registered_at;  ///< when the server accepted the public key; empty until then
    KdfCost cost;
    std::string salt;    ///< raw bytes (crypto_pwhash_SALTBYTES)
    std::string nonce;   ///< raw bytes (XChaCha20-Poly1305 nonce)
    std::string sealed;  ///< the sealed 64-byte secret key with its tag, raw bytes
};

/// $XDG_DATA_HOME/lectern/keys, else ~/.local/share/lectern/keys. Throws
/// Error(InvalidArgument) when neither XDG_DATA_HOME nor HOME is set.
std::filesystem::path keys_dir();

/// The file of `user`'s key on `device` inside `dir`: "<user>@<device>.key".
std::filesystem::path key_file(const std::filesystem::path& dir, std::string_view user,
                               std::string_view device);

/// Seals `key` under `passphrase` (Argon2id with a fresh salt, then XChaCha20-Poly1305 with the
/// user, device and public key as associated data, so a sealed key cannot be moved to another
/// name). Throws Error(InvalidArgument) when the passphrase is shorter than kMinPassphraseBytes.
StoredKey seal_key(const SigningKey& key, std::string_view user, std::string_view device,
                   const SecureBuffer& passphrase, KdfCost cost = KdfCost::interactive());

/// Opens the sealed secret key with `passphrase`; nullopt when the passphrase is wrong (or the
/// file was altered). The derived key is wiped before this returns. Throws Error(Library) when
/// Argon2id cannot get the memory it needs.
std::optional<SigningKey> unseal_key(const StoredKey& stored, const SecureBuffer& passphrase);

/// Writes `key` to `file` (mode 0600, folder 0700) atomically. Throws Error(Io).
void save_key(const std::filesystem::path& file, const StoredKey& key);

/// The key in `file`, or nullopt when there is none. Throws Error(InvalidContent) naming the
/// file when it is not a key file this version can read, Error(Io) when it cannot be read.
std::optional<StoredKey> load_key(const std::filesystem::path& file);

}  // namespace lectern::ledger
