// A Lectern fetch from the real lectern-server one commit behind, through a relay that keeps
// what the server sent: no progress text, one ACK per negotiation round for the have the pack is
// made from, and a correct fast-forward; stock git fetching from the same server still gets
// upload-pack's progress and its pack.

#include <gtest/gtest.h>

#include <fstream>

#include "support/loopback_relay.hpp"
#include "sync/local_paths.hpp"
#include "sync/space_sync.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

/// Appends a line to synonyms.txt and commits it (not pushed).
void commit_line(const fs::path& wc, int n) {
    std::ofstream(wc / "synonyms.txt", std::ios::app) << "word" << n << " = term" << n << "\n";
    const auto r =
        TestServer::sh("git add -A && git commit -qm 'Synonym " + std::to_string(n) + "'", wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
}

TEST(Sync_QuietFetch, OneCommitBehindGetsNoProgressTextAndOneAckPerRound) {
    const TestSpace space = create_space("quiet");
    const fs::path wc = trainer_clone(space);
    write_small_space(wc);
    // More than the 20 haves libgit2 sends in its first round.
    for (int i = 0; i < 25; ++i) commit_line(wc, i);
    ASSERT_EQ(git_as(space.trainer, "push -q origin HEAD:main", wc).exit_code, 0);
    fresh_client_home();
    LoopbackRelay relay(port_of(TestServer::get().url()), {.record = true});
    sync::SyncOptions options;
    options.space = space.name;
    options.server = relay.url();
    options.credentials = {space.agent.user, space.agent.token};
    ASSERT_TRUE(sync::sync_space(options).ok());

    commit_line(wc, 25);
    ASSERT_EQ(git_as(space.trainer, "push -q origin HEAD:main", wc).exit_code, 0);
    const std::string before = TestServer::sh("git rev-parse HEAD~1", wc).output.substr(0, 40);
    const std::string head = TestServer::sh("git rev-parse HEAD", wc).output.substr(0, 40);
    relay.clear();
    const auto report = sync::sync_space(options);
    ASSERT_TRUE(report.ok()) << report.failure->message;
    EXPECT_EQ(report.old_commit, before);
    EXPECT_EQ(report.new_commit, head);
    EXPECT_EQ(read_file(sync::space_paths(space.name).content / "synonyms.txt"),
              read_file(wc / "synonyms.txt"));

    const std::string got = relay.received();
    ASSERT_NE(got.find("PACK"), std::string::npos);
    // Without the trim: 20 "common" ACKs in the first round and 20 more in the second, then
    // upload-pack's progress ("Enumerating objects", "Total …") on side-band channel 2.
    EXPECT_EQ(count(got, "ACK " + before + " common\n"), 2u) << got;
    EXPECT_EQ(count(got, " common\n"), 2u);
    EXPECT_EQ(count(got, "ACK " + before + " ready\n"), 1u);
    EXPECT_EQ(count(got, "ACK " + before + "\n"), 1u);
    EXPECT_EQ(count(got, "ACK "), 4u);
    EXPECT_EQ(count(got, "objects"), 0u) << got;
    EXPECT_EQ(count(got, "Total "), 0u) << got;
}

TEST(Sync_QuietFetch, StockGitStillGetsProgressAndItsPack) {
    const TestSpace space = create_space("quietgit");
    const fs::path wc = trainer_clone(space);
    write_small_space(wc);
    commit_line(wc, 0);
    ASSERT_EQ(git_as(space.trainer, "push -q origin HEAD:main", wc).exit_code, 0);
    // Protocol v0 as libgit2 speaks it, and v2, git's default: a clone one commit behind each.
    const fs::path agent = TestServer::get().fresh_dir("quiet-agent");
    for (const std::string version : {"0", "2"}) {
        ASSERT_EQ(
            git_as(space.agent,
                   "clone -q " + TestServer::get().repo_url(space.name) + " v" + version, agent)
                .exit_code,
            0);
    }
    commit_line(wc, 1);
    ASSERT_EQ(git_as(space.trainer, "push -q origin HEAD:main", wc).exit_code, 0);
    for (const std::string version : {"0", "2"}) {
        const auto r = git_as(space.agent,
                              "-c protocol.version=" + version +
                                  " fetch --progress origin && git merge -q --ff-only origin/main",
                              agent / ("v" + version));
        ASSERT_EQ(r.exit_code, 0) << r.output;
        EXPECT_NE(r.output.find("remote: Total"), std::string::npos) << version << ": " << r.output;
        EXPECT_EQ(read_file(agent / ("v" + version) / "synonyms.txt"),
                  read_file(wc / "synonyms.txt"));
    }
}

}  // namespace
}  // namespace lectern::test
