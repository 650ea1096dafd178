#pragma once
// Registering this device's public key with the server (POST /api/v1/keys), so that the server
// accepts the records it signs. Retrying is safe: the server answers a key it already has
// with 200 and the same statement.

#include <optional>
#include <string>

#include <vector>

#include "ledger/keys.hpp"
#include "ledger/receipt.hpp"
#include "sync/git_transfer.hpp"

namespace lectern::ledger {

struct KeyRegistration {
    /// Why the key is not registered: offline, bad token, or the server's refusal (409: this
    /// device already has another live key, which an admin must revoke first).
    std::optional<sync::TransferFailure> failure;
    std::string registered_at;  ///< the server's time of registration

    bool ok() const noexcept { return !failure; }
};

/// Sends `key`'s public key and device name as `credentials.user`.
KeyRegistration register_key(const std::string& server, const sync::Credentials& credentials,
                             const StoredKey& key);

/// Registers the key in `file` if it is not yet, and records the registration in the file.
/// Returns the outcome (ok with the old time when it was registered before). Throws
/// Error(NotFound) when there is no key file, Error(Io) when it cannot be rewritten.
KeyRegistration ensure_key_registered(const std::string& server,
                                      const sync::Credentials& credentials,
                                      const std::filesystem::path& file);

struct OwnKeys {
    std::optional<sync::TransferFailure> failure;
    std::vector<KeyStatement> keys;  ///< every key the server registered for the user
};

/// The user's keys as the server lists them (GET /api/v1/keys), live and revoked. When
/// `server_key` (base64) is given, a statement not signed by it is a failure.
OwnKeys fetch_own_keys(const std::string& server, const sync::Credentials& credentials,
                       const std::string& server_key = {});

/// When the server revoked `public_key` (base64) of the user: its revoked_at; nullopt when it
/// is live or unknown to the server.
std::optional<std::string> revoked_at(const OwnKeys& keys, const std::string& public_key);

}  // namespace lectern::ledger
