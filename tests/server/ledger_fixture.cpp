#include "ledger_fixture.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "http_probe.hpp"
#include "ledger/layout.hpp"

namespace lectern::test {

namespace fs = std::filesystem;

namespace {

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

std::string bare(const TestServer& s, const std::string& space, const std::string& repo) {
    return (s.state_dir() / "spaces" / space / (repo + ".git")).string();
}

}  // namespace

TestServer& server_with_content() {
    static bool published = false;
    TestServer& s = TestServer::get();
    if (!published) {
        s.publish("alpha", sample_content());
        published = true;
    }
    return s;
}

DocumentVersion current_version(const TestServer& s, const std::string& path,
                                const std::string& document_id, const std::string& title) {
    const std::string git = "git --git-dir=" + bare(s, "alpha", "content") + " ";
    DocumentVersion v;
    v.commit = trimmed(TestServer::sh(git + "rev-parse refs/heads/main").output);
    v.blob = trimmed(TestServer::sh(git + "rev-parse refs/heads/main:" + path).output);
    v.path = path;
    v.document_id = document_id;
    v.title = title;
    return v;
}

DocumentVersion vpn_procedure(const TestServer& s) {
    return current_version(s, "procedures/vpn-security.md", "vpn-security",
                           "VPN and workstation security");
}

Device enrolled_device(const TestServer& s, const std::string& user, const std::string& name) {
    Device d{user, name, ledger::SigningKey::generate()};
    const nlohmann::json body = {{"device", name}, {"public_key", d.key.public_key().base64()}};
    const Probe p = request(s, "POST", "/api/v1/keys", user, body.dump(), "application/json");
    EXPECT_EQ(p.status, 201) << p.body;
    return d;
}

ledger::Record signed_record(const Device& device, const DocumentVersion& doc,
                             const std::string& space) {
    ledger::Record r;
    r.id = ledger::new_record_id();
    r.kind = std::string(ledger::kKindSignoff);
    r.space = space;
    r.agent = device.user;
    r.device = device.name;
    r.document_id = doc.document_id;
    r.path = doc.path;
    r.title = doc.title;
    r.content_commit = doc.commit;
    r.blob_id = doc.blob;
    r.meaning = std::string(ledger::kMeaningReadAndUnderstood);
    r.signed_at = ledger::utc_timestamp();
    ledger::sign_record(r, device.key);
    return r;
}

fs::path new_ledger_clone(const TestServer& s) {
    const fs::path dir = s.fresh_dir("ledger-clone");
    const auto r = TestServer::sh("git init -q .", dir);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return dir;
}

void commit_record(const TestServer&, const fs::path& clone, const ledger::Record& record) {
    const fs::path file = clone / ledger::record_file_path(record.id);
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << ledger::record_file_text(record);
    const auto r = TestServer::sh("git add -A && git commit -qm 'record " + record.id + "'", clone);
    EXPECT_EQ(r.exit_code, 0) << r.output;
}

CommandResult push_ledger(const TestServer& s, const fs::path& clone, const std::string& who,
                          const std::string& branch_user, const std::string& branch_device,
                          const std::string& flags) {
    return s.git("push " + flags + " " + s.repo_url("alpha", "ledger") +
                     " HEAD:" + ledger::agent_branch(branch_user, branch_device),
                 clone, who);
}

std::string ledger_state(const TestServer& s, const std::string& space) {
    const std::string refs =
        TestServer::sh("git --git-dir=" + bare(s, space, "ledger") + " for-each-ref").output;
    const Probe head = request(s, "GET", "/api/v1/spaces/" + space + "/log-head", space + "-admin");
    const auto j = nlohmann::json::parse(head.body, nullptr, false);
    const std::string size = j.is_object() ? j.value("hash", std::string("?")) : head.body;
    return refs + "\nlog " + size;
}

}  // namespace lectern::test
