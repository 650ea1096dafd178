// The local ledger clone: one commit per record on the device's branch, readable by stock git.

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>

#include "common/error.hpp"
#include "ledger/ed25519.hpp"
#include "ledger/layout.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger_fixture.hpp"

namespace lectern::ledger {
namespace {

Record signed_record(const SigningKey& key, const std::string& document = "vpn-security") {
    Record r;
    r.id = new_record_id();
    r.kind = std::string(kKindSignoff);
    r.space = "alpha";
    r.agent = "maria";
    r.device = "laptop";
    r.document_id = document;
    r.path = "procedures/" + document + ".md";
    r.title = "T";
    r.content_commit = std::string(40, 'a');
    r.blob_id = std::string(40, 'b');
    r.meaning = std::string(kMeaningReadAndUnderstood);
    r.signed_at = utc_timestamp();
    sign_record(r, key);
    return r;
}

std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    ::pclose(pipe);
    return out;
}

TEST(Ledger_LocalLedger, EachRecordIsOneCommitAddingOneFile) {
    test::TempDir dir;
    const SigningKey key = SigningKey::generate();
    LocalLedger ledger = LocalLedger::open_or_create(dir.path() / "ledger");
    const Record a = signed_record(key, "vpn-security");
    const Record b = signed_record(key, "screen-lock");
    const std::string first = ledger.append(a);
    const std::string second = ledger.append(b);
    const std::string branch = agent_branch("maria", "laptop");
    EXPECT_EQ(ledger.tip(branch), second);

    const auto records = ledger.records_on(branch);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].record.id, a.id);
    EXPECT_EQ(records[0].commit, first);
    EXPECT_EQ(records[1].record.id, b.id);
    EXPECT_EQ(ledger.refs_under("refs/heads/agents/"), std::vector<std::string>{branch});

    // Stock git sees the same: two commits, each adding records/<id>.json, and a sound repository.
    const std::string git = "git --git-dir='" + (dir.path() / "ledger").string() + "' ";
    const std::string log = run(git + "log --format=%H --name-status " + branch);
    EXPECT_NE(log.find("A\trecords/" + a.id + ".json"), std::string::npos) << log;
    EXPECT_NE(log.find("A\trecords/" + b.id + ".json"), std::string::npos) << log;
    EXPECT_EQ(run(git + "show " + branch + ":records/" + b.id + ".json"), record_file_text(b));
    EXPECT_EQ(run(git + "fsck --strict >/dev/null 2>&1 && echo sound"), "sound\n");
}

TEST(Ledger_LocalLedger, RecordsSetAsideKeepARefAndTheOthersStayInOrder) {
    test::TempDir dir;
    const SigningKey key = SigningKey::generate();
    LocalLedger ledger = LocalLedger::open_or_create(dir.path() / "ledger");
    const std::string branch = agent_branch("maria", "laptop");
    const Record accepted = signed_record(key, "a");
    const std::string accepted_commit = ledger.append(accepted);
    const Record revoked1 = signed_record(key, "b"), live = signed_record(key, "c"),
                 revoked2 = signed_record(key, "d");
    const std::string revoked1_commit = ledger.append(revoked1);
    ledger.append(live);
    ledger.append(revoked2);

    EXPECT_EQ(ledger.set_aside(branch, accepted_commit, {revoked1.id, revoked2.id}), 2u);
    const auto kept = ledger.records_on(branch);
    ASSERT_EQ(kept.size(), 2u);
    EXPECT_EQ(kept[0].commit, accepted_commit);  // what the server has is untouched
    EXPECT_EQ(kept[1].record.id, live.id);
    EXPECT_EQ(record_file_text(kept[1].record), record_file_text(live));
    const auto aside = ledger.records_set_aside("maria");
    ASSERT_EQ(aside.size(), 2u);
    std::set<std::string> ids;
    for (const auto& a : aside) ids.insert(a.record.id);
    EXPECT_EQ(ids, (std::set<std::string>{revoked1.id, revoked2.id}));
    EXPECT_EQ(ledger.tip("refs/set-aside/agents/maria/laptop/" + revoked1.id), revoked1_commit);
    const std::string git = "git --git-dir='" + (dir.path() / "ledger").string() + "' ";
    EXPECT_EQ(run(git + "fsck --strict >/dev/null 2>&1 && echo sound"), "sound\n");

    // Nothing accepted and every record set aside: the branch is gone, the records are not.
    EXPECT_EQ(ledger.set_aside(branch, {}, {accepted.id, live.id}), 2u);
    EXPECT_EQ(ledger.tip(branch), "");
    EXPECT_EQ(ledger.records_set_aside("maria").size(), 4u);
    // And nothing to set aside changes nothing.
    const std::string after = ledger.append(signed_record(key, "e"));
    EXPECT_EQ(ledger.set_aside(branch, {}, {"0123"}), 0u);
    EXPECT_EQ(ledger.tip(branch), after);
}

TEST(Ledger_LocalLedger, DuplicateRecordIdIsRefusedAndBranchUnchanged) {
    test::TempDir dir;
    const SigningKey key = SigningKey::generate();
    LocalLedger ledger = LocalLedger::open_or_create(dir.path() / "ledger");
    const Record a = signed_record(key);
    const std::string tip = ledger.append(a);
    EXPECT_THROW(ledger.append(a), Error);
    EXPECT_EQ(ledger.tip(agent_branch("maria", "laptop")), tip);
}

TEST(Ledger_LocalLedger, UnsignedRecordIsRefused) {
    test::TempDir dir;
    LocalLedger ledger = LocalLedger::open_or_create(dir.path() / "ledger");
    Record r = signed_record(SigningKey::generate());
    r.signature.clear();
    EXPECT_THROW(ledger.append(r), Error);
    EXPECT_TRUE(ledger.refs_under("refs/").empty());
}

TEST(Ledger_LocalLedger, ReopensWhatWasWritten) {
    test::TempDir dir;
    const SigningKey key = SigningKey::generate();
    LocalLedger::open_or_create(dir.path() / "ledger").append(signed_record(key));
    EXPECT_FALSE(LocalLedger::open(dir.path() / "nothing"));
    auto again = LocalLedger::open(dir.path() / "ledger");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->records_on(agent_branch("maria", "laptop")).size(), 1u);
    EXPECT_TRUE(again->records_on("refs/heads/agents/nobody/x").empty());
}

TEST(Ledger_LocalLedger, LedgerFolderFollowsTheSyncLayout) {
    ::setenv("XDG_DATA_HOME", "/tmp/lectern-xdg-test", 1);
    EXPECT_EQ(local_ledger_dir("alpha"),
              std::filesystem::path("/tmp/lectern-xdg-test/lectern/spaces/alpha/ledger"));
    EXPECT_THROW(local_ledger_dir("../etc"), Error);
    ::unsetenv("XDG_DATA_HOME");
}

}  // namespace
}  // namespace lectern::ledger

namespace lectern::ledger {
namespace {

TEST(Ledger_LocalLedger, LockFileLeftByAKilledWriterDoesNotBlockTheNext) {
    test::TempDir dir;
    const SigningKey key = SigningKey::generate();
    LocalLedger ledger = LocalLedger::open_or_create(dir.path() / "ledger");
    ledger.append(signed_record(key));
    const auto stale = dir.path() / "ledger" / "refs/heads/agents/maria/laptop.lock";
    std::ofstream(stale) << "0000000000000000000000000000000000000000\n";
    ledger.append(signed_record(key));
    EXPECT_FALSE(std::filesystem::exists(stale));
    EXPECT_EQ(ledger.records_on(agent_branch("maria", "laptop")).size(), 2u);
}

}  // namespace
}  // namespace lectern::ledger
