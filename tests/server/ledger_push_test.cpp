// ledger.git through stock git: what the pre-receive hook accepts, what it refuses (and that a
// refused push leaves the ledger and the receipt log as they were), and the receipts.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http_probe.hpp"
#include "ledger/receipt.hpp"
#include "ledger/receipt_issuer.hpp"
#include "ledger/server_key.hpp"
#include "ledger_fixture.hpp"
#include "store/receipt_log.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string server_key(const TestServer& s) {
    const Probe p = request(s, "GET", "/api/v1/server-key", "");
    EXPECT_EQ(p.status, 200) << p.body;
    return json::parse(p.body).at("public_key").get<std::string>();
}

json receipts_of(const TestServer& s, const std::string& who, const std::string& agent) {
    const Probe p = request(s, "GET", "/api/v1/spaces/alpha/receipts?agent=" + agent, who);
    EXPECT_EQ(p.status, 200) << p.body;
    return json::parse(p.body);
}

/// Pushes `record` (one commit) from a fresh clone onto the device's branch and expects a
/// refusal that says `why`, with the ledger unchanged.
void expect_refused(const TestServer& s, const fs::path& clone, const std::string& who,
                    const std::string& branch_user, const std::string& branch_device,
                    const std::string& why, const std::string& flags = "") {
    const std::string before = ledger_state(s);
    const auto r = push_ledger(s, clone, who, branch_user, branch_device, flags);
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find(why), std::string::npos) << r.output;
    EXPECT_EQ(ledger_state(s), before);
}

TEST(Server_Ledger, AcceptedRecordGetsASignedReceiptInTheLog) {
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-agent", "laptop-ok");
    const auto record = signed_record(d, vpn_procedure(s));
    const fs::path clone = new_ledger_clone(s);
    commit_record(s, clone, record);
    const auto r = push_ledger(s, clone, "alpha-agent", "alpha-agent", "laptop-ok");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    // The post-receive hook tells the pusher which receipt the record got.
    EXPECT_NE(r.output.find("remote: lectern: receipt "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(record.id), std::string::npos) << r.output;

    const std::string key = server_key(s);
    const json page = receipts_of(s, "alpha-agent", "alpha-agent");
    bool found = false;
    for (const auto& j : page.at("receipts")) {
        const auto receipt = ledger::receipt_from_json(j);
        EXPECT_TRUE(ledger::receipt_is_sealed_by(receipt, key));
        if (receipt.record_id != record.id) continue;
        found = true;
        EXPECT_EQ(receipt.agent, "alpha-agent");
        EXPECT_EQ(receipt.space, "alpha");
        EXPECT_TRUE(receipt.flags.empty());
        const std::string commit = TestServer::sh("git rev-parse HEAD", clone).output.substr(0, 40);
        EXPECT_EQ(receipt.commit, commit);
    }
    EXPECT_TRUE(found) << page.dump();
    const Probe head = request(s, "GET", "/api/v1/spaces/alpha/log-head", "alpha-auditor");
    ASSERT_EQ(head.status, 200);
    const auto h = ledger::log_head_from_json(json::parse(head.body));
    EXPECT_TRUE(ledger::log_head_is_signed_by(h, key));
    EXPECT_GE(h.size, 1);
}

TEST(Server_Ledger, ForgedSignatureIsRefused) {
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-agent", "laptop-forged");
    auto record = signed_record(d, vpn_procedure(s));
    record.title = "Something the agent never signed";
    const fs::path clone = new_ledger_clone(s);
    commit_record(s, clone, record);
    expect_refused(s, clone, "alpha-agent", "alpha-agent", "laptop-forged",
                   "the signature does not match");
}

TEST(Server_Ledger, PushToSomeoneElsesBranchIsRefused) {
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-agent", "laptop-other");
    const fs::path clone = new_ledger_clone(s);
    commit_record(s, clone, signed_record(d, vpn_procedure(s)));
    expect_refused(s, clone, "alpha-agent", "alpha-trainer", "laptop-other",
                   "may push only to refs/heads/agents/alpha-agent/");
    // Nor anywhere outside agents/: main, or the agent's name without a device.
    const auto r = s.git("push " + s.repo_url("alpha", "ledger") + " HEAD:refs/heads/main", clone,
                         "alpha-agent");
    EXPECT_NE(r.exit_code, 0) << r.output;
}

TEST(Server_Ledger, NonFastForwardPushIsRefused) {
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-agent", "laptop-rewrite");
    const fs::path clone = new_ledger_clone(s);
    commit_record(s, clone, signed_record(d, vpn_procedure(s)));
    ASSERT_EQ(push_ledger(s, clone, "alpha-agent", "alpha-agent", "laptop-rewrite").exit_code, 0);
    // Another history for the same branch: a different first record, force-pushed.
    const fs::path rewritten = new_ledger_clone(s);
    commit_record(s, rewritten, signed_record(d, vpn_procedure(s)));
    expect_refused(s, rewritten, "alpha-agent", "alpha-agent", "laptop-rewrite",
                   "not a fast-forward", "-f");
    // Nor deleted.
    const std::string before = ledger_state(s);
    const auto r = s.git(
        "push " + s.repo_url("alpha", "ledger") + " :refs/heads/agents/alpha-agent/laptop-rewrite",
        clone, "alpha-agent");
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_EQ(ledger_state(s), before);
}

TEST(Server_Ledger, RecordOfABlobThatDoesNotExistIsRefused) {
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-agent", "laptop-blob");
    auto doc = vpn_procedure(s);
    doc.blob = std::string(40, 'e');
    const fs::path clone = new_ledger_clone(s);
    commit_record(s, clone, signed_record(d, doc));
    expect_refused(s, clone, "alpha-agent", "alpha-agent", "laptop-blob", "not " + doc.blob);

    auto missing_commit = vpn_procedure(s);
    missing_commit.commit = std::string(40, 'd');
    const fs::path other = new_ledger_clone(s);
    commit_record(s, other, signed_record(d, missing_commit));
    expect_refused(s, other, "alpha-agent", "alpha-agent", "laptop-blob",
                   "does not exist in alpha's content");
}

TEST(Server_Ledger, RecordSignedWithARevokedKeyIsRefused) {
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-agent", "laptop-revoked");
    const auto revoke =
        TestServer::sh(std::string(LECTERN_SERVER_BIN) + " --state '" + s.state_dir().string() +
                       "' key revoke alpha-agent laptop-revoked");
    ASSERT_EQ(revoke.exit_code, 0) << revoke.output;
    const fs::path clone = new_ledger_clone(s);
    commit_record(s, clone, signed_record(d, vpn_procedure(s)));
    expect_refused(s, clone, "alpha-agent", "alpha-agent", "laptop-revoked",
                   "no live key registered for device laptop-revoked");
}

TEST(Server_Ledger, DuplicateRecordIdIsRefused) {
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-agent", "laptop-dup");
    const auto record = signed_record(d, vpn_procedure(s));
    const fs::path clone = new_ledger_clone(s);
    commit_record(s, clone, record);
    ASSERT_EQ(push_ledger(s, clone, "alpha-agent", "alpha-agent", "laptop-dup").exit_code, 0);
    // The same record again, on a second device's branch of the same agent.
    const Device second = enrolled_device(s, "alpha-agent", "laptop-dup2");
    auto again = record;
    again.device = second.name;
    ledger::sign_record(again, second.key);
    const fs::path other = new_ledger_clone(s);
    commit_record(s, other, again);
    expect_refused(s, other, "alpha-agent", "alpha-agent", "laptop-dup2",
                   "is in the ledger already");
}

TEST(Server_Ledger, TwoRecordsInOneCommitAreRefused) {
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-agent", "laptop-two");
    const fs::path clone = new_ledger_clone(s);
    const auto first = signed_record(d, vpn_procedure(s));
    const auto second = signed_record(d, vpn_procedure(s));
    commit_record(s, clone, first);
    ASSERT_EQ(TestServer::sh("git reset -q --soft HEAD~0", clone).exit_code, 0);
    commit_record(s, clone, second);
    ASSERT_EQ(TestServer::sh("git reset -q --soft HEAD~1 && git commit -q --amend -m both", clone)
                  .exit_code,
              0);
    expect_refused(s, clone, "alpha-agent", "alpha-agent", "laptop-two",
                   "changes 2 files; each commit must add exactly one record");
}

TEST(Server_Ledger, RecordWhoseAgentIsSomeoneElseIsRefused) {
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-agent", "laptop-agent");
    auto record = signed_record(d, vpn_procedure(s));
    record.agent = "alpha-trainer";
    ledger::sign_record(record, d.key);
    const fs::path clone = new_ledger_clone(s);
    commit_record(s, clone, record);
    expect_refused(s, clone, "alpha-agent", "alpha-agent", "laptop-agent",
                   "the record's agent is alpha-trainer, but alpha-agent pushed it");
}

TEST(Server_Ledger, OneBadCommitRefusesTheWholePush) {
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-agent", "laptop-mixed");
    const fs::path clone = new_ledger_clone(s);
    commit_record(s, clone, signed_record(d, vpn_procedure(s)));
    auto bad = signed_record(d, vpn_procedure(s));
    bad.meaning = "altered after signing";
    commit_record(s, clone, bad);
    expect_refused(s, clone, "alpha-agent", "alpha-agent", "laptop-mixed",
                   "refused; nothing was stored");
}

TEST(Server_Ledger, RecordStoredWithoutReceiptGetsItOnTheNextPush) {
    // What a server killed between git's ref update and the post-receive hook leaves: a valid
    // record on a branch and no receipt. Made here by fetching into the bare repository, which
    // runs no hooks.
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-agent", "laptop-killed");
    const auto record = signed_record(d, vpn_procedure(s));
    const fs::path clone = new_ledger_clone(s);
    commit_record(s, clone, record);
    const std::string bare = (s.state_dir() / "spaces" / "alpha" / "ledger.git").string();
    const auto f = TestServer::sh("git --git-dir='" + bare + "' fetch -q '" + clone.string() +
                                  "' HEAD:refs/heads/agents/alpha-agent/laptop-killed");
    ASSERT_EQ(f.exit_code, 0) << f.output;
    auto has_receipt = [&] {
        const json page = receipts_of(s, "alpha-agent", "alpha-agent");
        for (const auto& j : page.at("receipts"))
            if (j.at("record_id") == record.id) return true;
        return false;
    };
    EXPECT_FALSE(has_receipt());
    // Any later push of the space reconciles the log with the branches.
    const Device other = enrolled_device(s, "alpha-trainer", "desk-1");
    const fs::path next = new_ledger_clone(s);
    commit_record(s, next, signed_record(other, vpn_procedure(s)));
    ASSERT_EQ(push_ledger(s, next, "alpha-trainer", "alpha-trainer", "desk-1").exit_code, 0);
    EXPECT_TRUE(has_receipt());
    // And doing it again issues nothing twice.
    server::StateDir state(s.state_dir());
    server::ReceiptLog log(state.database());
    EXPECT_TRUE(server::issue_missing_receipts(state, "alpha", log, server::load_server_key(state))
                    .empty());
}

TEST(Server_Ledger, BackdatedRecordIsAcceptedButItsReceiptIsFlagged) {
    auto& s = server_with_content();
    const Device d = enrolled_device(s, "alpha-supervisor", "tablet");
    auto record = signed_record(d, vpn_procedure(s));
    record.signed_at = "2020-01-01T00:00:00Z";
    ledger::sign_record(record, d.key);
    const fs::path clone = new_ledger_clone(s);
    commit_record(s, clone, record);
    const auto r = push_ledger(s, clone, "alpha-supervisor", "alpha-supervisor", "tablet");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find(ledger::kClockFlag), std::string::npos) << r.output;
}

}  // namespace
}  // namespace lectern::test
