#pragma once
// What the lock screen asks to let the agent back in: whether a passphrase is the one of the
// signing key enrolled on this device. An interface, so the lock screen does not depend on how
// keys are stored; make_key_unlocker() is the real one over core's key store.

#include <filesystem>
#include <memory>
#include <string>

#include "ledger/secure_buffer.hpp"

namespace lectern::desktop {

class Unlocker {
  public:
    virtual ~Unlocker() = default;
    /// True when there is a key to check passphrases against.
    virtual bool has_key() const = 0;
    /// True when `passphrase` opens the key. Slow on purpose (Argon2id): call it off the UI
    /// thread. Throws lectern::Error when the key cannot be read.
    virtual bool unlock(const ledger::SecureBuffer& passphrase) const = 0;
};

/// Checks passphrases against the sealed key in `key_file` (core/ledger/keys.hpp), read anew
/// each time so a key enrolled while the app runs counts at once.
std::unique_ptr<Unlocker> make_key_unlocker(std::filesystem::path key_file);

/// Who signs on this computer: the user and device of the sync settings (`lectern login`),
/// else the login name and the host name (the sample content used offline).
struct SigningIdentity {
    std::string user;
    std::string device;
    std::filesystem::path key_file;  ///< where this identity's key is (or will be)
};
SigningIdentity signing_identity();

/// A SecureBuffer holding the UTF-8 bytes of `text`.
ledger::SecureBuffer secure_copy(const std::string& text);

}  // namespace lectern::desktop
