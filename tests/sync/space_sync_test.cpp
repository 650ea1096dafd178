// Syncing a space from the real lectern-server: first clone, fetch 1 and many commits behind,
// no-op, the change report, the search index, local edits set aside, and failures that leave
// the local copy as it was.

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>

#include "search/space_index.hpp"
#include "sync/local_paths.hpp"
#include "sync/space_sync.hpp"
#include "sync/sync_state.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;
using sync::TransferFailureReason;

sync::SyncReport sync_as(const TestSpace& space, const Account& who,
                         const std::string& server = TestServer::get().url()) {
    sync::SyncOptions options;
    options.space = space.name;
    options.server = server;
    options.credentials = {who.user, who.token};
    return sync::sync_space(options);
}

// A space with the small sample published, a trainer's working copy of it and a fresh client.
struct Fixture {
    TestSpace space = create_space("space");
    fs::path wc = trainer_clone(space);
    fs::path home = fresh_client_home();

    Fixture() {
        write_small_space(wc);
        commit_and_push(space, wc, "A small space");
    }
    sync::SpacePaths paths() const { return sync::space_paths(space.name); }
    std::string server_head() const {
        return TestServer::sh("git rev-parse HEAD", wc).output.substr(0, 40);
    }
};

bool names(const std::vector<sync::DocumentChange>& list, const std::string& id,
           const std::string& title = "", const std::string& type = "") {
    return std::any_of(list.begin(), list.end(), [&](const sync::DocumentChange& d) {
        return d.id == id && (title.empty() || d.title == title) &&
               (type.empty() || d.type == type);
    });
}

std::vector<std::string> search_ids(const fs::path& content, const std::string& query) {
    search::SpaceIndex index({content, {}});
    search::SearchRequest request;
    request.query = query;
    std::vector<std::string> ids;
    for (const auto& hit : index.search(request).hits) ids.push_back(hit.id);
    return ids;
}

TEST(Sync_Space, FirstSyncClonesAndReportsEveryDocumentAdded) {
    Fixture f;
    const auto report = sync_as(f.space, f.space.agent);
    ASSERT_TRUE(report.ok()) << report.failure->message;
    EXPECT_TRUE(report.old_commit.empty());
    EXPECT_EQ(report.new_commit, f.server_head());
    EXPECT_TRUE(names(report.changes.added, "screen-lock", "Screen lock", "procedure"));
    EXPECT_TRUE(names(report.changes.added, "power-cut", "Power cut", "procedure"));
    EXPECT_EQ(report.changes.other_files, std::vector<std::string>{"lectern.yaml"});
    EXPECT_EQ(read_file(f.paths().content / "procedures" / "power-cut.md"),
              read_file(f.wc / "procedures" / "power-cut.md"));
    EXPECT_FALSE(fs::exists(f.paths().next));  // renamed into place, not copied
    EXPECT_EQ(search_ids(f.paths().content, "team lead"), std::vector<std::string>{"power-cut"});
    const auto state = sync::read_sync_state(f.paths().state_file);
    ASSERT_TRUE(state);
    EXPECT_EQ(state->commit, report.new_commit);
    EXPECT_FALSE(state->last_success.empty());
}

TEST(Sync_Space, OneCommitBehindFastForwardsAndReportsWhatChanged) {
    Fixture f;
    ASSERT_TRUE(sync_as(f.space, f.space.agent).ok());
    write_file(f.wc / "procedures" / "vpn.md", procedure("vpn", "VPN first", "Connect the VPN."));
    write_file(f.wc / "procedures" / "screen-lock.md",
               procedure("screen-lock", "Screen lock, always", "Press Win+L every time."));
    fs::rename(f.wc / "procedures" / "power-cut.md", f.wc / "procedures" / "no-power.md");
    write_file(f.wc / "synonyms.txt", "outage = blackout\n");
    commit_and_push(f.space, f.wc, "Edits");

    const auto report = sync_as(f.space, f.space.agent);
    ASSERT_TRUE(report.ok()) << report.failure->message;
    EXPECT_EQ(report.new_commit, f.server_head());
    EXPECT_TRUE(names(report.changes.added, "vpn", "VPN first", "procedure"));
    EXPECT_TRUE(names(report.changes.changed, "screen-lock", "Screen lock, always"));
    // Moved: same id at a new path is a change, not a removal.
    EXPECT_TRUE(names(report.changes.changed, "power-cut"));
    EXPECT_TRUE(report.changes.removed.empty());
    EXPECT_EQ(report.changes.other_files, std::vector<std::string>{"synonyms.txt"});
    EXPECT_EQ(search_ids(f.paths().content, "VPN"), std::vector<std::string>{"vpn"});

    fs::remove(f.wc / "procedures" / "vpn.md");
    commit_and_push(f.space, f.wc, "Remove vpn");
    const auto second = sync_as(f.space, f.space.agent);
    ASSERT_TRUE(second.ok());
    EXPECT_TRUE(names(second.changes.removed, "vpn", "VPN first", "procedure"));
    EXPECT_FALSE(fs::exists(f.paths().content / "procedures" / "vpn.md"));
    EXPECT_TRUE(search_ids(f.paths().content, "VPN").empty());
}

TEST(Sync_Space, LockFilesLeftByAKilledSyncDoNotBlockTheNext) {
    Fixture f;
    ASSERT_TRUE(sync_as(f.space, f.space.agent).ok());
    write_file(f.wc / "procedures" / "vpn.md", procedure("vpn", "VPN first", "Connect the VPN."));
    commit_and_push(f.space, f.wc, "Add vpn");
    // What a sync killed during a fetch and a checkout leaves behind.
    const std::vector<fs::path> stale = {
        f.paths().repository / "refs" / "remotes" / "origin" / "main.lock",
        f.paths().repository / "packed-refs.lock", f.paths().content / ".git" / "index.lock"};
    for (const auto& lock : stale) write_file(lock, "");

    const auto report = sync_as(f.space, f.space.agent);
    ASSERT_TRUE(report.ok()) << report.failure->message;
    EXPECT_EQ(report.new_commit, f.server_head());
    EXPECT_TRUE(names(report.changes.added, "vpn"));
    for (const auto& lock : stale) EXPECT_FALSE(fs::exists(lock)) << lock;
}

TEST(Sync_Space, ManyCommitsBehindArriveInOneSyncThenNothingChanges) {
    Fixture f;
    ASSERT_TRUE(sync_as(f.space, f.space.agent).ok());
    for (int i = 0; i < 6; ++i) {
        const std::string id = "note-" + std::to_string(i);
        write_file(f.wc / "procedures" / (id + ".md"),
                   procedure(id, "Note " + std::to_string(i), "Text."));
        auto r = TestServer::sh("git add -A && git commit -qm " + id, f.wc);
        ASSERT_EQ(r.exit_code, 0) << r.output;
    }
    auto r = git_as(f.space.trainer, "push -q origin HEAD:main", f.wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto report = sync_as(f.space, f.space.agent);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report.new_commit, f.server_head());
    EXPECT_EQ(report.changes.added.size(), 6u);
    EXPECT_GT(report.received_objects, 0u);
    // Then nothing more: a no-op sync touches no file.
    struct stat before {};
    ::stat((f.paths().content / "procedures" / "note-0.md").c_str(), &before);
    const auto again = sync_as(f.space, f.space.agent);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again.up_to_date());
    EXPECT_TRUE(again.changes.empty());
    EXPECT_FALSE(again.set_aside);
    struct stat after {};
    ::stat((f.paths().content / "procedures" / "note-0.md").c_str(), &after);
    EXPECT_EQ(before.st_ino, after.st_ino);
    EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
    for (int i = 0; i < 6; ++i)
        EXPECT_TRUE(
            fs::exists(f.paths().content / "procedures" / ("note-" + std::to_string(i) + ".md")));
}

TEST(Sync_Space, LocalEditsAreSetAsideAndTheSyncProceeds) {
    Fixture f;
    ASSERT_TRUE(sync_as(f.space, f.space.agent).ok());
    const fs::path content = f.paths().content;
    write_file(content / "procedures" / "power-cut.md", "my own notes\n");
    write_file(content / "notes" / "mine.txt", "a new file of mine\n");
    fs::remove(content / "procedures" / "screen-lock.md");
    write_file(f.wc / "procedures" / "vpn.md", procedure("vpn", "VPN first", "Connect the VPN."));
    commit_and_push(f.space, f.wc, "Add vpn");

    const auto report = sync_as(f.space, f.space.agent);
    ASSERT_TRUE(report.ok()) << report.failure->message;
    ASSERT_TRUE(report.set_aside);
    const fs::path aside = report.set_aside->folder;
    EXPECT_EQ(aside.parent_path(), f.paths().set_aside);
    EXPECT_EQ(read_file(aside / "procedures" / "power-cut.md"), "my own notes\n");
    EXPECT_EQ(read_file(aside / "notes" / "mine.txt"), "a new file of mine\n");
    EXPECT_NE(read_file(aside / "DELETED.txt").find("procedures/screen-lock.md"),
              std::string::npos);
    // The tree is the server's again, with the new commit.
    EXPECT_EQ(read_file(content / "procedures" / "power-cut.md"),
              read_file(f.wc / "procedures" / "power-cut.md"));
    EXPECT_TRUE(fs::exists(content / "procedures" / "screen-lock.md"));
    EXPECT_TRUE(fs::exists(content / "procedures" / "vpn.md"));
    EXPECT_FALSE(fs::exists(content / "notes"));
    // Set aside once: the next sync finds nothing more to keep.
    const auto next = sync_as(f.space, f.space.agent);
    EXPECT_FALSE(next.set_aside);
}

TEST(Sync_Space, FailuresLeaveTheLocalCopyAndCanBeRetried) {
    Fixture f;
    const auto first = sync_as(f.space, f.space.agent);
    ASSERT_TRUE(first.ok());
    write_file(f.wc / "procedures" / "vpn.md", procedure("vpn", "VPN first", "Connect the VPN."));
    commit_and_push(f.space, f.wc, "Add vpn");

    const auto offline =
        sync_as(f.space, f.space.agent, "http://127.0.0.1:" + std::to_string(unused_port()));
    ASSERT_FALSE(offline.ok());
    EXPECT_EQ(offline.failure->reason, TransferFailureReason::Unreachable);
    EXPECT_EQ(offline.new_commit, first.new_commit);
    const auto state = sync::read_sync_state(f.paths().state_file);
    ASSERT_TRUE(state);
    EXPECT_EQ(state->failure_reason, "unreachable");
    EXPECT_EQ(state->commit, first.new_commit);

    const auto bad_token = sync_as(f.space, {f.space.agent.user, "wrong"});
    ASSERT_FALSE(bad_token.ok());
    EXPECT_EQ(bad_token.failure->reason, TransferFailureReason::Unauthorized);
    const auto outsider = sync_as(f.space, f.space.outsider);
    ASSERT_FALSE(outsider.ok());
    EXPECT_EQ(outsider.failure->reason, TransferFailureReason::NotFound);
    EXPECT_FALSE(fs::exists(f.paths().content / "procedures" / "vpn.md"));
    EXPECT_EQ(search_ids(f.paths().content, "team lead"), std::vector<std::string>{"power-cut"});

    const auto retried = sync_as(f.space, f.space.agent);
    ASSERT_TRUE(retried.ok());
    EXPECT_TRUE(names(retried.changes.added, "vpn"));
    EXPECT_TRUE(sync::read_sync_state(f.paths().state_file)->failure_reason.empty());
}

}  // namespace
}  // namespace lectern::test
