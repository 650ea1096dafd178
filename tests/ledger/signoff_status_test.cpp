// Status per agent and document: unsigned, signed, needs re-sign; minor changes keep sign-offs.

#include <gtest/gtest.h>

#include "common/diagnostic.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "content/version.hpp"
#include "ledger/ed25519.hpp"
#include "ledger/signoff_status.hpp"
#include "ledger_fixture.hpp"

namespace lectern::ledger {
namespace {

struct StatusFixture : ::testing::Test {
    test::ContentRepo repo;
    SigningKey key = SigningKey::generate();
    std::vector<StoredRecord> records;

    void SetUp() override {
        repo.write("procedures/vpn.md", test::procedure_file("vpn", "Always use the VPN.\n"));
        repo.write("procedures/lock.md",
                   test::procedure_file("lock", "Lock the screen.\n", "optional"));
        repo.write("scripts/hello.md",
                   "---\nid: hello\ntype: script\ntitle: Hello\nlang: en\nowner: anna\nupdated: "
                   "2026-10-01\naudience: [agents]\n---\n# Greet\nHello.\n");
        repo.commit("First version");
    }

    // A sign-off by `agent` of the file as it is now in the working tree.
    void sign(const std::string& agent, const std::string& path, const std::string& space = "alpha",
              const std::string& kind = "signoff") {
        std::string bytes;
        bytes = test::shell("cat " + path, repo.root());
        Record r;
        r.id = new_record_id();
        r.kind = kind;
        r.space = space;
        r.agent = agent;
        r.device = "laptop";
        r.document_id = path.substr(path.find('/') + 1, path.size() - path.find('/') - 4);
        r.path = path;
        r.title = "T";
        r.content_commit = test::shell("git rev-parse HEAD", repo.root()).substr(0, 40);
        r.blob_id = content::git_blob_id(bytes);
        r.meaning = std::string(kMeaningReadAndUnderstood);
        r.signed_at = utc_timestamp();
        sign_record(r, key);
        records.push_back({r, std::string(40, 'c'), "refs/heads/agents/" + agent + "/laptop"});
    }

    std::vector<SignoffStatus> statuses(const std::vector<std::string>& agents) {
        Diagnostics problems;
        const auto space = content::Space::load(repo.root(), problems);
        EXPECT_FALSE(problems.has_errors());
        const auto content_repo = content::ContentRepository::open(repo.root());
        EXPECT_TRUE(content_repo);
        return signoff_statuses(space, *content_repo, "alpha", records, agents);
    }

    SignoffStatus status(const std::string& agent, const std::string& document) {
        for (auto& s : statuses({agent}))
            if (s.document_id == document) return s;
        ADD_FAILURE() << "no status for " << document;
        return {};
    }
};

using Ledger_SignoffStatus = StatusFixture;

TEST_F(Ledger_SignoffStatus, ListsProceduresAskingForSignoffPerAgent) {
    const auto all = statuses({"maria", "jan"});
    ASSERT_EQ(all.size(), 4u);  // 2 agents × 2 procedures; the script asks for none
    EXPECT_EQ(all[0].agent, "jan");
    EXPECT_EQ(all[0].path, "procedures/lock.md");
    EXPECT_FALSE(all[0].required);
    EXPECT_EQ(all[1].path, "procedures/vpn.md");
    EXPECT_TRUE(all[1].required);
    for (const auto& s : all) EXPECT_EQ(s.state, SignoffState::Unsigned);
}

TEST_F(Ledger_SignoffStatus, SignedCurrentVersionIsSigned) {
    sign("maria", "procedures/vpn.md");
    const auto s = status("maria", "vpn");
    EXPECT_EQ(s.state, SignoffState::Signed);
    ASSERT_TRUE(s.signed_version);
    EXPECT_EQ(s.signed_version->blob_id, s.current_blob);
    EXPECT_TRUE(s.changes_since.empty());
    EXPECT_EQ(status("jan", "vpn").state, SignoffState::Unsigned);
}

TEST_F(Ledger_SignoffStatus, MinorChangeKeepsTheSignoffAndIsListed) {
    sign("maria", "procedures/vpn.md");
    repo.write("procedures/vpn.md", test::procedure_file("vpn", "Always use the VPN!\n"));
    const std::string minor = repo.commit("Fix punctuation\n\nLectern-Change: minor\n");
    const auto s = status("maria", "vpn");
    EXPECT_EQ(s.state, SignoffState::Signed);
    ASSERT_EQ(s.changes_since.size(), 1u);
    EXPECT_EQ(s.changes_since[0].commit, minor);
    EXPECT_TRUE(s.changes_since[0].minor);
    EXPECT_NE(s.signed_version->blob_id, s.current_blob);  // the exact version signed stays
}

TEST_F(Ledger_SignoffStatus, SubstantiveChangeNeedsResign) {
    sign("maria", "procedures/vpn.md");
    repo.write("procedures/vpn.md", test::procedure_file("vpn", "Use the VPN except at home.\n"));
    repo.commit("New rule");
    const auto s = status("maria", "vpn");
    EXPECT_EQ(s.state, SignoffState::NeedsResign);
    ASSERT_EQ(s.changes_since.size(), 1u);
    EXPECT_FALSE(s.changes_since[0].minor);
}

TEST_F(Ledger_SignoffStatus, MinorAfterSubstantiveStillNeedsResign) {
    sign("maria", "procedures/vpn.md");
    repo.write("procedures/vpn.md", test::procedure_file("vpn", "Use the VPN except at home.\n"));
    repo.commit("New rule");
    repo.write("procedures/vpn.md", test::procedure_file("vpn", "Use the VPN, except at home.\n"));
    repo.commit("Comma\n\nLectern-Change: minor\n");
    const auto s = status("maria", "vpn");
    EXPECT_EQ(s.state, SignoffState::NeedsResign);
    EXPECT_EQ(s.changes_since.size(), 2u);
}

TEST_F(Ledger_SignoffStatus, SigningTheNewVersionCountsOverTheOldOne) {
    sign("maria", "procedures/vpn.md");
    repo.write("procedures/vpn.md", test::procedure_file("vpn", "Use the VPN except at home.\n"));
    repo.commit("New rule");
    sign("maria", "procedures/vpn.md");
    const auto s = status("maria", "vpn");
    EXPECT_EQ(s.state, SignoffState::Signed);
    EXPECT_EQ(s.signoff->record.blob_id, s.current_blob);
}

TEST_F(Ledger_SignoffStatus, OtherSpacesAndOtherKindsDoNotCount) {
    sign("maria", "procedures/vpn.md", "beta");
    sign("maria", "procedures/vpn.md", "alpha", "quiz-attempt");
    EXPECT_EQ(status("maria", "vpn").state, SignoffState::Unsigned);
}

TEST_F(Ledger_SignoffStatus, VersionNotInTheHistoryNeedsResign) {
    repo.write("procedures/vpn.md", test::procedure_file("vpn", "A draft never published.\n"));
    sign("maria", "procedures/vpn.md");
    test::shell("git checkout -q -- .", repo.root());
    EXPECT_EQ(status("maria", "vpn").state, SignoffState::NeedsResign);
}

TEST_F(Ledger_SignoffStatus, StatusWordsRoundTrip) {
    for (auto s : {SignoffState::Unsigned, SignoffState::Signed, SignoffState::NeedsResign})
        EXPECT_EQ(parse_signoff_state(to_string(s)), s);
    EXPECT_FALSE(parse_signoff_state("maybe"));
}

}  // namespace
}  // namespace lectern::ledger
