#pragma once
// Shared pieces of the ledger tests: a temporary folder, a passphrase, a sealed key and a
// document to sign.

#include <filesystem>
#include <string>

#include "ledger/keys.hpp"
#include "ledger/secure_buffer.hpp"
#include "ledger/signing.hpp"

namespace lectern::test {

/// A fresh folder removed when the object dies.
class TempDir {
  public:
    explicit TempDir(const std::string& hint = "ledger");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const noexcept { return path_; }

  private:
    std::filesystem::path path_;
};

/// A passphrase in protected memory, as the front end hands it over.
ledger::SecureBuffer passphrase(std::string_view text);

/// A new key for `user` on `device`, sealed with `secret` at the minimum Argon2id cost.
ledger::StoredKey sealed_key(const std::string& user, const std::string& device,
                             std::string_view secret = "correct horse battery");

/// A procedure file's text and version, as if read from content commit `commit`.
ledger::DocumentToSign procedure_to_sign(const std::string& space = "alpha",
                                         const std::string& id = "vpn-security",
                                         const std::string& body = "Always use the VPN.\n");

}  // namespace lectern::test
