// `lectern sync` killed with SIGKILL at several points of a clone and of a fetch (after N of
// its progress lines): the reader's tree is always exactly the old commit or the new one (or
// absent before the first clone completes), and the next sync recovers.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <git2.h>

#include <cstdio>
#include <map>

#include "sync/client_config.hpp"
#include "sync/local_paths.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

struct SyncRun {
    int lines = 0;
    bool killed = false;
    int exit_code = -1;
};

// Runs `lectern sync SPACE`, sending SIGKILL once it has printed `kill_after` lines (never
// when negative).
SyncRun run_sync(const std::string& space, int kill_after) {
    int out[2];
    EXPECT_EQ(::pipe(out), 0);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        ::execl(LECTERN_CLI_BIN, LECTERN_CLI_BIN, "sync", "--no-lfs", space.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    SyncRun run;
    std::FILE* in = ::fdopen(out[0], "r");
    char buf[4096];
    while (std::fgets(buf, sizeof buf, in)) {
        ++run.lines;
        if (kill_after >= 0 && run.lines >= kill_after && !run.killed) {
            ::kill(pid, SIGKILL);
            run.killed = true;
        }
    }
    std::fclose(in);
    int status = 0;
    ::waitpid(pid, &status, 0);
    run.killed = WIFSIGNALED(status);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

// path -> blob id of every file in a folder (without .git).
std::map<std::string, std::string> files_of(const fs::path& folder) {
    std::map<std::string, std::string> out;
    for (auto it = fs::recursive_directory_iterator(folder);
         it != fs::recursive_directory_iterator(); ++it) {
        if (it->path().filename() == ".git") {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file()) continue;
        git_oid oid;
        git_odb_hashfile(&oid, it->path().c_str(), GIT_OBJECT_BLOB);
        char hex[GIT_OID_HEXSZ + 1] = {};
        git_oid_tostr(hex, sizeof hex, &oid);
        out[fs::relative(it->path(), folder).string()] = hex;
    }
    return out;
}

// path -> blob id of every file of a commit in the trainer's clone.
std::map<std::string, std::string> files_of_commit(const fs::path& wc, const std::string& commit) {
    std::map<std::string, std::string> out;
    const std::string listing = TestServer::sh("git ls-tree -r " + commit, wc).output;
    std::size_t start = 0;
    while (start < listing.size()) {
        const std::size_t end = listing.find('\n', start);
        const std::string line = listing.substr(start, end - start);
        const auto tab = line.find('\t');
        out[line.substr(tab + 1)] = line.substr(tab - 40, 40);
        start = end == std::string::npos ? listing.size() : end + 1;
    }
    return out;
}

struct Fixture {
    TestSpace space = create_space("killed");
    fs::path wc = trainer_clone(space);

    Fixture() {
        git_libgit2_init();
        write_small_space(wc);
        for (int i = 0; i < 40; ++i) {
            const std::string id = "doc-" + std::to_string(i);
            write_file(wc / "procedures" / (id + ".md"),
                       procedure(id, "Document " + std::to_string(i),
                                 std::string(2000, static_cast<char>('a' + i % 26))));
        }
        commit_and_push(space, wc, "Many documents");
    }
    ~Fixture() { git_libgit2_shutdown(); }
    std::string head() const {
        return TestServer::sh("git rev-parse HEAD", wc).output.substr(0, 40);
    }
    // A client of its own, logged in (the token is the agent's).
    void new_client() const {
        fresh_client_home();
        sync::save_client_config(
            {TestServer::get().url(), space.agent.user, space.agent.token, "test"});
    }
    fs::path content() const { return sync::space_paths(space.name).content; }
};

TEST(Sync_Killed, CloneKilledAtAnyPointLeavesNoTreeOrAWholeOne) {
    Fixture f;
    const auto expected = files_of_commit(f.wc, f.head());
    f.new_client();
    const int lines = run_sync(f.space.name, -1).lines;
    ASSERT_GT(lines, 3);
    int killed = 0;
    for (int at : {1, lines / 2, lines - 1}) {
        f.new_client();
        killed += run_sync(f.space.name, std::max(at, 1)).killed;
        if (fs::exists(f.content())) {
            EXPECT_EQ(files_of(f.content()), expected) << "killed after line " << at;
        }
        const SyncRun again = run_sync(f.space.name, -1);
        EXPECT_EQ(again.exit_code, 0) << "after a kill at line " << at;
        EXPECT_EQ(files_of(f.content()), expected) << "after a kill at line " << at;
        EXPECT_FALSE(fs::exists(sync::space_paths(f.space.name).set_aside)) << at;
    }
    EXPECT_GE(killed, 2);  // the kills landed while the sync was still running
}

TEST(Sync_Killed, FetchKilledAtAnyPointLeavesTheOldTreeOrTheNewOne) {
    Fixture f;
    const std::string old_commit = f.head();
    const auto old_files = files_of_commit(f.wc, old_commit);
    // Every document edited, some removed, some added: a checkout half-done would show.
    for (int i = 0; i < 40; ++i) {
        const std::string id = "doc-" + std::to_string(i);
        if (i % 10 == 0) {
            fs::remove(f.wc / "procedures" / (id + ".md"));
        } else {
            write_file(f.wc / "procedures" / (id + ".md"),
                       procedure(id, "Document " + std::to_string(i) + ", revised",
                                 std::string(3000, 'z')));
        }
    }
    for (int i = 0; i < 4; ++i) {
        const std::string id = "new-" + std::to_string(i);
        write_file(f.wc / "procedures" / (id + ".md"),
                   procedure(id, "New " + std::to_string(i), "New."));
    }
    auto r = TestServer::sh("git add -A && git commit -qm 'Revise everything'", f.wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::string new_commit = f.head();
    const auto new_files = files_of_commit(f.wc, new_commit);

    // A client synced at the old commit, kept as a template copied for each kill.
    f.new_client();
    ASSERT_EQ(run_sync(f.space.name, -1).exit_code, 0);
    ASSERT_EQ(files_of(f.content()), old_files);
    r = git_as(f.space.trainer, "push -q origin HEAD:main", f.wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const fs::path data = std::getenv("XDG_DATA_HOME");
    const fs::path snapshot = TestServer::get().fresh_dir("snapshot");
    fs::copy(data, snapshot, fs::copy_options::recursive);

    const int lines = run_sync(f.space.name, -1).lines;
    ASSERT_GT(lines, 3);
    int killed = 0;
    for (int at : {1, lines / 2, lines - 1}) {
        fs::remove_all(data);
        fs::copy(snapshot, data, fs::copy_options::recursive);
        killed += run_sync(f.space.name, std::max(at, 1)).killed;
        const auto now = files_of(f.content());
        EXPECT_TRUE(now == old_files || now == new_files)
            << "half-updated after a kill at line " << at;
        const SyncRun again = run_sync(f.space.name, -1);
        EXPECT_EQ(again.exit_code, 0) << "after a kill at line " << at;
        EXPECT_EQ(files_of(f.content()), new_files) << "after a kill at line " << at;
        EXPECT_FALSE(fs::exists(sync::space_paths(f.space.name).set_aside)) << at;
    }
    EXPECT_GE(killed, 2);  // the kills landed while the sync was still running
}

}  // namespace
}  // namespace lectern::test
