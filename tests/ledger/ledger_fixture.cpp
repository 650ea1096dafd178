#include "ledger_fixture.hpp"

#include <cstring>

#include "content/version.hpp"
#include "ledger/sodium.hpp"

namespace lectern::test {

TempDir::TempDir(const std::string& hint)
    : path_(std::filesystem::temp_directory_path() /
            ("lectern-" + hint + "-" + ledger::random_hex(6))) {
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

ledger::SecureBuffer passphrase(std::string_view text) {
    ledger::SecureBuffer buffer(text.size());
    std::memcpy(buffer.data(), text.data(), text.size());
    return buffer;
}

ledger::StoredKey sealed_key(const std::string& user, const std::string& device,
                             std::string_view secret) {
    const ledger::SigningKey key = ledger::SigningKey::generate();
    return ledger::seal_key(key, user, device, passphrase(secret), ledger::KdfCost::minimum());
}

ledger::DocumentToSign procedure_to_sign(const std::string& space, const std::string& id,
                                         const std::string& body) {
    ledger::DocumentToSign d;
    d.space = space;
    d.document_id = id;
    d.path = "procedures/" + id + ".md";
    d.title = "Procedure " + id;
    d.content_commit = std::string(40, '1');
    d.text = "---\nid: " + id + "\ntype: procedure\n---\n" + body;
    d.blob_id = content::git_blob_id(d.text);
    return d;
}

}  // namespace lectern::test
