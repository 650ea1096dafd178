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

namespace lectern::test {

/// A content space in a git working tree made with stock git, committed step by step.
class ContentRepo {
  public:
    ContentRepo();
    const std::filesystem::path& root() const noexcept { return dir_.path(); }
    /// Writes a file relative to the root (creating folders).
    void write(const std::string& relative_path, const std::string& bytes) const;
    /// Commits everything; returns the commit id. Fails the test when git fails.
    std::string commit(const std::string& message) const;

  private:
    TempDir dir_{"content"};
};

/// A valid procedure with `signoff` ("required" or "optional") and `body`.
std::string procedure_file(const std::string& id, const std::string& body,
                           const std::string& signoff = "required");

/// Runs a shell command in `cwd`; returns its stdout and stderr.
std::string shell(const std::string& command, const std::filesystem::path& cwd = {});

}  // namespace lectern::test
