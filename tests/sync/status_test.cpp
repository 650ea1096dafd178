// `lectern status`'s numbers, read from disk only: the commit and last sync, offline or not,
// and ledger records committed locally that the server does not have yet.

#include <gtest/gtest.h>

#include "sync/local_paths.hpp"
#include "sync/space_status.hpp"
#include "sync/space_sync.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

std::string git_in(const fs::path& repo, const std::string& args) {
    const auto r = TestServer::sh("git --git-dir=" + quote(repo.string()) + " " + args);
    EXPECT_EQ(r.exit_code, 0) << args << ": " << r.output;
    return r.output.substr(0, r.output.find('\n'));
}

TEST(Sync_Status, CountsLedgerRecordsWaitingToBePushed) {
    const TestSpace space = create_space("status");
    const fs::path wc = trainer_clone(space);
    write_small_space(wc);
    commit_and_push(space, wc, "A small space");
    fresh_client_home();
    sync::SyncOptions o;
    o.space = space.name;
    o.server = TestServer::get().url();
    o.credentials = {space.agent.user, space.agent.token};
    const auto synced = sync::sync_space(o);
    ASSERT_TRUE(synced.ok());

    auto status = sync::space_status(space.name);
    EXPECT_TRUE(status.synced);
    EXPECT_EQ(status.commit, synced.new_commit);
    EXPECT_FALSE(status.offline());
    EXPECT_FALSE(status.ledger_waiting);  // no ledger clone yet

    // A ledger clone (bare, as the ledger keeps it) with three records on the agent's branch,
    // of which the server has the first.
    const fs::path ledger = sync::space_paths(space.name).ledger;
    git_in(ledger, "init -q --bare");
    std::string parent;
    std::vector<std::string> commits;
    for (int i = 0; i < 3; ++i) {
        const std::string tree = git_in(ledger, "mktree < /dev/null");
        parent = git_in(ledger, "commit-tree " + tree + (parent.empty() ? "" : " -p " + parent) +
                                    " -m record-" + std::to_string(i));
        commits.push_back(parent);
    }
    const std::string branch = "agents/" + space.agent.user + "/laptop";
    git_in(ledger, "update-ref refs/heads/" + branch + " " + commits[2]);
    git_in(ledger, "update-ref refs/remotes/origin/" + branch + " " + commits[0]);
    status = sync::space_status(space.name);
    ASSERT_TRUE(status.ledger_waiting);
    EXPECT_EQ(*status.ledger_waiting, 2u);

    o.server = "http://127.0.0.1:" + std::to_string(unused_port());
    ASSERT_FALSE(sync::sync_space(o).ok());
    status = sync::space_status(space.name);
    EXPECT_TRUE(status.offline());
    EXPECT_EQ(status.commit, synced.new_commit);
}

}  // namespace
}  // namespace lectern::test
