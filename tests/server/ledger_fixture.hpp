#pragma once
// Records made with core/ledger as an agent's device makes them, pushed with stock git to the
// real server: enrolled devices, document versions of the published sample content, and a
// local ledger clone per device.

#include <filesystem>
#include <string>

#include "ledger/ed25519.hpp"
#include "ledger/record.hpp"
#include "test_server.hpp"

namespace lectern::test {

/// alpha's content holds the sample content, published once per process.
TestServer& server_with_content();

/// A version of a document in alpha's content.
struct DocumentVersion {
    std::string commit;
    std::string blob;
    std::string path;
    std::string document_id;
    std::string title;
};
DocumentVersion current_version(const TestServer& s, const std::string& path,
                                const std::string& document_id, const std::string& title);
/// procedures/vpn-security.md as published.
DocumentVersion vpn_procedure(const TestServer& s);

/// An agent's device with a key registered through POST /api/v1/keys.
struct Device {
    std::string user;
    std::string name;
    ledger::SigningKey key;
};
Device enrolled_device(const TestServer& s, const std::string& user, const std::string& name);

/// A signed sign-off of `doc` by `device` in `space`.
ledger::Record signed_record(const Device& device, const DocumentVersion& doc,
                             const std::string& space = "alpha");

/// A local clone of the ledger for one device (a plain git repository).
std::filesystem::path new_ledger_clone(const TestServer& s);
/// Writes records/<id>.json and commits it (one commit per call).
void commit_record(const TestServer& s, const std::filesystem::path& clone,
                   const ledger::Record& record);
/// `git push <ledger> HEAD:refs/heads/agents/<user>/<device>` as `who`.
CommandResult push_ledger(const TestServer& s, const std::filesystem::path& clone,
                          const std::string& who, const std::string& branch_user,
                          const std::string& branch_device, const std::string& flags = "");

/// What the server's ledger.git and receipt log hold now (refs and log size), to compare
/// before and after a refused push.
std::string ledger_state(const TestServer& s, const std::string& space = "alpha");

}  // namespace lectern::test
