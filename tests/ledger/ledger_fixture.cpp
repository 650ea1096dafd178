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

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace lectern::test {

std::string shell(const std::string& command, const std::filesystem::path& cwd) {
    const std::string full =
        (cwd.empty() ? std::string() : "cd '" + cwd.string() + "' && ") + "(" + command + ") 2>&1";
    std::string out;
    FILE* pipe = ::popen(full.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    ::pclose(pipe);
    return out;
}

ContentRepo::ContentRepo() {
    shell(
        "git init -q -b main . && git config user.name Trainer && git config user.email "
        "t@example.org",
        root());
    write("lectern.yaml", "title: Test space\nlanguages: [en]\n");
}

void ContentRepo::write(const std::string& relative_path, const std::string& bytes) const {
    const auto file = root() / relative_path;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

std::string ContentRepo::commit(const std::string& message) const {
    const auto message_file = root().parent_path() / (root().filename().string() + ".msg");
    std::ofstream(message_file) << message;
    const std::string out = shell(
        "git add -A && git commit -q -F '" + message_file.string() + "' && git rev-parse HEAD",
        root());
    std::filesystem::remove(message_file);
    EXPECT_EQ(out.size(), 41u) << out;
    return out.substr(0, 40);
}

std::string procedure_file(const std::string& id, const std::string& body,
                           const std::string& signoff) {
    return "---\nid: " + id + "\ntype: procedure\ntitle: Procedure " + id +
           "\nlang: en\nowner: anna\nupdated: 2026-10-01\nreview_by: 2027-04-01\nsignoff: " +
           signoff + "\n---\n" + body;
}

}  // namespace lectern::test
