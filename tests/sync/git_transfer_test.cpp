// core/sync's fetch and push against the real lectern-server: credentials, progress, cancel,
// and what the server said about each pushed ref.

#include <gtest/gtest.h>

#include <git2.h>

#include "sync/git_transfer.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;
using sync::TransferFailureReason;

// A space whose content holds one valid commit (shared by the tests of this file: pushes
// that change it go to branches, or are refused), and an empty bare repository to fetch into.
const TestSpace& published_space() {
    static const TestSpace space = [] {
        TestSpace s = create_space("transfer");
        const fs::path wc = trainer_clone(s);
        write_small_space(wc);
        commit_and_push(s, wc, "A small space");
        return s;
    }();
    return space;
}

struct Fixture {
    const TestSpace& space = published_space();
    fs::path local;

    Fixture() {
        local = TestServer::get().fresh_dir("local") / "repo.git";
        const auto r = TestServer::sh("git init -q --bare " + quote(local.string()));
        EXPECT_EQ(r.exit_code, 0) << r.output;
    }
    std::string url() const { return TestServer::get().repo_url(space.name); }
    std::string remote_ref(const std::string& ref) const {
        const fs::path bare = TestServer::get().state_dir() / "spaces" / space.name / "content.git";
        return TestServer::sh("git --git-dir=" + quote(bare.string()) + " rev-parse " + ref).output;
    }
    std::string remote_main() const { return remote_ref("refs/heads/main"); }
    std::string local_ref(const std::string& ref) const {
        return TestServer::sh("git --git-dir=" + quote(local.string()) + " rev-parse --verify -q " +
                              ref)
            .output;
    }
};

TEST(Sync_GitTransfer, FetchUpdatesRemoteRefsAndReportsProgress) {
    Fixture f;
    std::size_t steps = 0;
    std::size_t total = 0;
    sync::FetchOptions options{f.url(), {f.space.agent.user, f.space.agent.token}, {}, {}};
    options.progress.report = [&](const sync::ProgressStep& step) {
        ++steps;
        if (step.phase == "receiving") total = step.total;
    };
    const auto result = sync::fetch(f.local, options);
    ASSERT_TRUE(result.ok()) << result.failure->message;
    EXPECT_EQ(f.local_ref("refs/remotes/origin/main"), f.remote_main());
    EXPECT_EQ(result.default_branch, "refs/heads/main");
    EXPECT_GT(steps, 0u);
    EXPECT_GT(total, 0u);
    EXPECT_EQ(result.received_objects, total);
    EXPECT_GT(result.received_bytes, 0u);
}

TEST(Sync_GitTransfer, WrongTokenIsUnauthorizedAndFetchesNothing) {
    Fixture f;
    const auto result =
        sync::fetch(f.local, {f.url(), {f.space.agent.user, "not-the-token"}, {}, {}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure->reason, TransferFailureReason::Unauthorized);
    EXPECT_NE(result.failure->message.find("lectern login"), std::string::npos);
    EXPECT_EQ(f.local_ref("refs/remotes/origin/main"), "");
}

TEST(Sync_GitTransfer, MemberOfAnotherSpaceIsToldItIsNotAMember) {
    Fixture f;
    const auto result =
        sync::fetch(f.local, {f.url(), {f.space.outsider.user, f.space.outsider.token}, {}, {}});
    ASSERT_FALSE(result.ok());
    // lectern-server hides spaces from non-members behind a 404.
    EXPECT_EQ(result.failure->reason, TransferFailureReason::NotFound) << result.failure->message;
    EXPECT_NE(result.failure->message.find("member"), std::string::npos);
}

TEST(Sync_GitTransfer, NoServerIsUnreachable) {
    Fixture f;
    const std::string url =
        "http://127.0.0.1:" + std::to_string(unused_port()) + "/" + f.space.name + "/content.git";
    const auto result =
        sync::fetch(f.local, {url, {f.space.agent.user, f.space.agent.token}, {}, {}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure->reason, TransferFailureReason::Unreachable)
        << result.failure->message;
}

TEST(Sync_GitTransfer, UnknownHostIsUnreachable) {
    Fixture f;
    // .invalid never resolves (RFC 2606).
    const auto result = sync::fetch(f.local, {"http://lectern-server.invalid/space/content.git",
                                              {f.space.agent.user, f.space.agent.token},
                                              {},
                                              {}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure->reason, TransferFailureReason::Unreachable)
        << result.failure->message;
    EXPECT_NE(result.failure->message.find("lectern-server.invalid"), std::string::npos);
}

TEST(Sync_GitTransfer, CancelledFetchLeavesRefsAsTheyWere) {
    Fixture f;
    sync::CancelToken cancel;
    sync::FetchOptions options{f.url(), {f.space.agent.user, f.space.agent.token}, {}, {}};
    options.progress.cancel = &cancel;
    options.progress.report = [&](const sync::ProgressStep&) { cancel.cancel(); };
    const auto result = sync::fetch(f.local, options);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.failure->reason, TransferFailureReason::Cancelled);
    EXPECT_EQ(f.local_ref("refs/remotes/origin/main"), "");
}

TEST(Sync_GitTransfer, PushReportsEachRefAccepted) {
    Fixture f;
    const fs::path wc = trainer_clone(f.space);
    write_file(wc / "procedures" / "new.md", procedure("new-one", "A new one", "Text."));
    auto r = TestServer::sh("git add -A && git commit -qm New && git branch -f side HEAD", wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto result =
        sync::push(wc, {f.url(),
                        {f.space.trainer.user, f.space.trainer.token},
                        {"refs/heads/main:refs/heads/pushed", "refs/heads/side:refs/heads/side"},
                        {}});
    ASSERT_FALSE(result.failure) << result.failure->message;
    ASSERT_EQ(result.refs.size(), 2u);
    EXPECT_TRUE(result.all_accepted());
    EXPECT_EQ(f.remote_ref("refs/heads/pushed"), TestServer::sh("git rev-parse HEAD", wc).output);
    EXPECT_EQ(f.remote_ref("refs/heads/side"), TestServer::sh("git rev-parse HEAD", wc).output);
}

TEST(Sync_GitTransfer, RefusedRefCarriesTheServersReason) {
    Fixture f;
    const std::string before = f.remote_main();
    const fs::path wc = trainer_clone(f.space);
    write_file(wc / "procedures" / "broken.md", "---\nid: broken\ntype: procedure\n---\nText\n");
    auto r = TestServer::sh("git add -A && git commit -qm Broken", wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto result = sync::push(
        wc, {f.url(), {f.space.trainer.user, f.space.trainer.token}, {"HEAD:refs/heads/main"}, {}});
    ASSERT_FALSE(result.failure) << result.failure->message;
    ASSERT_EQ(result.refs.size(), 1u);
    EXPECT_FALSE(result.refs[0].accepted);
    EXPECT_FALSE(result.refs[0].refusal.empty());
    EXPECT_NE(result.server_messages.find("procedures/broken.md"), std::string::npos)
        << result.server_messages;
    EXPECT_EQ(f.remote_main(), before);
}

TEST(Sync_GitTransfer, AgentPushToContentIsForbidden) {
    Fixture f;
    const fs::path wc = trainer_clone(f.space);
    write_file(wc / "procedures" / "new.md", procedure("agent-one", "By an agent", "Text."));
    auto r = TestServer::sh("git add -A && git commit -qm New", wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto result = sync::push(
        wc, {f.url(), {f.space.agent.user, f.space.agent.token}, {"HEAD:refs/heads/main"}, {}});
    ASSERT_TRUE(result.failure);
    EXPECT_EQ(result.failure->reason, TransferFailureReason::Forbidden) << result.failure->message;
    EXPECT_FALSE(result.all_accepted());
}

}  // namespace
}  // namespace lectern::test
