// `lectern sync` killed with SIGKILL in the middle of downloading the onboarding path's lesson
// videos from the real server: the next sync asks for none of the objects already complete,
// continues the interrupted one with a Range request (206) instead of starting it again, and
// fetches the rest; every object ends verified in the cache.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <thread>

#include "sync/client_config.hpp"
#include "sync/lfs.hpp"
#include "sync/local_paths.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;
using sync::LfsPointer;

std::string random_bytes(std::size_t n) {
    std::mt19937_64 gen(std::random_device{}());
    std::string out(n, '\0');
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
        const std::uint64_t word = gen();
        std::memcpy(out.data() + i, &word, 8);
    }
    return out;
}

std::string sha256_of(const std::string& bytes) {
    const fs::path f = TestServer::get().fresh_dir("hash") / "f";
    write_file(f, bytes);
    return TestServer::sh("sha256sum " + quote(f.string())).output.substr(0, 64);
}

std::uintmax_t size_or_zero(const fs::path& file) {
    std::error_code ec;
    const auto n = fs::file_size(file, ec);
    return ec ? 0 : n;
}

// Three lessons on the onboarding path, in this order, their videos in LFS. The second is
// the large one the kill lands in.
struct Fixture {
    TestSpace space = create_space("lfskill");
    std::vector<std::string> videos = {random_bytes(2 << 20), random_bytes(24 << 20),
                                       random_bytes(2 << 20)};
    std::vector<LfsPointer> pointers;

    Fixture() {
        const fs::path wc = trainer_clone(space);
        write_small_space(wc);
        std::string items;
        for (std::size_t i = 0; i < videos.size(); ++i) {
            const std::string id = "lesson-" + std::to_string(i);
            write_file(wc / "lessons" / id / "lesson.md",
                       "---\nid: " + id + "\ntype: lesson\ntitle: Lesson " + std::to_string(i) +
                           "\nlang: en\nowner: anna.berg\nupdated: 2026-01-01\nvideo: video.mp4"
                           "\n---\n\nWatch the video.\n");
            write_file(wc / "lessons" / id / "video.mp4", videos[i]);
            items += "      - ref: " + id + "\n        due_days: 1\n";
            pointers.push_back({sha256_of(videos[i]), videos[i].size()});
        }
        write_file(wc / "paths" / "new-agent.yaml",
                   "id: new-agent\ntitle: New agents\nlang: en\nrole: agent\nowner: anna.berg\n"
                   "updated: 2026-01-01\nsections:\n  - title: First week\n    items:\n" +
                       items);
        auto r = TestServer::sh("git lfs install --local && git lfs track 'lessons/**/*.mp4'", wc);
        EXPECT_EQ(r.exit_code, 0) << r.output;
        commit_and_push(space, wc, "Lessons");
        r = git_as(space.trainer, "lfs push origin main", wc);
        EXPECT_EQ(r.exit_code, 0) << r.output;
        fresh_client_home();
        sync::save_client_config(
            {TestServer::get().url(), space.agent.user, space.agent.token, "test"});
    }

    fs::path partial(const LfsPointer& p) const {
        return sync::space_paths(space.name).lfs / "incomplete" / p.oid;
    }
};

// Runs `lectern sync SPACE`; when `kill_in` is set, sends SIGKILL once that object's partial
// file holds some bytes. Returns whether the kill landed before the sync ended by itself.
bool sync_killed_during(const Fixture& f, const LfsPointer* kill_in) {
    int out[2];
    EXPECT_EQ(::pipe(out), 0);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        ::execl(LECTERN_CLI_BIN, LECTERN_CLI_BIN, "sync", f.space.name.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    bool killed = false;
    if (kill_in) {
        // The progress lines are not read meanwhile: a few dozen fit in the pipe.
        for (;;) {
            int status = 0;
            if (::waitpid(pid, &status, WNOHANG) == pid) {
                ::close(out[0]);
                return false;
            }
            if (size_or_zero(f.partial(*kill_in)) > 0) {
                ::kill(pid, SIGKILL);
                killed = true;
                break;
            }
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    }
    char buf[4096];
    while (::read(out[0], buf, sizeof buf) > 0) {
    }
    ::close(out[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!killed) {
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    return killed && WIFSIGNALED(status);
}

// The access log's lines from byte `from` on that name this LFS object.
std::vector<std::string> object_requests(const std::string& space, const LfsPointer& p,
                                         std::size_t from) {
    const std::string log = read_file(TestServer::get().scratch() / "access.log");
    if (from > log.size()) return {};
    const std::string needle = "/" + space + "/content.git/info/lfs/objects/" + p.oid + " ";
    std::vector<std::string> out;
    std::size_t start = from;
    while (start < log.size()) {
        const std::size_t end = std::min(log.find('\n', start), log.size());
        const std::string line = log.substr(start, end - start);
        if (line.find(needle) != std::string::npos) out.push_back(line);
        start = end + 1;
    }
    return out;
}

TEST(Sync_KilledLfsPull, ResumesWithoutFetchingWhatItHas) {
    Fixture f;
    const fs::path lfs = sync::space_paths(f.space.name).lfs;
    // The content first, without videos, so that the kills below land in the LFS part.
    ASSERT_EQ(lectern("sync --no-lfs -q " + quote(f.space.name)).exit_code, 0);

    // The kill must land while the large object is partly downloaded: a fast machine may
    // finish it first, so try a few times, each from an empty cache.
    const LfsPointer& first = f.pointers[0];
    const LfsPointer& middle = f.pointers[1];
    const LfsPointer& last = f.pointers[2];
    const fs::path access_log = TestServer::get().scratch() / "access.log";
    std::uintmax_t had = 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        fs::remove_all(lfs);
        const std::size_t attempt_start = read_file(access_log).size();
        if (!sync_killed_during(f, &middle)) continue;
        // The server logs the killed download once its write to the closed connection fails:
        // wait for that line, so that it is not taken for a request of the next sync.
        for (int i = 0; i < 100 && object_requests(f.space.name, middle, attempt_start).empty();
             ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        had = size_or_zero(f.partial(middle));
        if (had > 0 && had < middle.size && sync::cached_lfs_object(f.space.name, first) &&
            !sync::cached_lfs_object(f.space.name, last))
            break;
        had = 0;
    }
    ASSERT_GT(had, 0u) << "no kill landed in the middle of the large download";

    const std::size_t log_before = read_file(access_log).size();
    const auto again = lectern("sync " + quote(f.space.name));
    ASSERT_EQ(again.exit_code, 0) << again.output;
    EXPECT_NE(again.output.find("2 lesson videos downloaded"), std::string::npos) << again.output;

    // The server logs a request once it has answered it: wait for the last one.
    for (int i = 0; i < 50 && object_requests(f.space.name, last, log_before).empty(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_TRUE(object_requests(f.space.name, first, log_before).empty())
        << "the object completed before the kill was downloaded again";
    const auto resumed = object_requests(f.space.name, middle, log_before);
    ASSERT_EQ(resumed.size(), 1u);
    EXPECT_NE(resumed[0].find("\" 206 "), std::string::npos)
        << "the interrupted object was not continued with a Range request: " << resumed[0];
    const auto fetched = object_requests(f.space.name, last, log_before);
    ASSERT_EQ(fetched.size(), 1u);
    EXPECT_NE(fetched[0].find("\" 200 "), std::string::npos) << fetched[0];

    for (std::size_t i = 0; i < f.pointers.size(); ++i) {
        const auto cached = sync::cached_lfs_object(f.space.name, f.pointers[i]);
        ASSERT_TRUE(cached) << i;
        EXPECT_TRUE(read_file(*cached) == f.videos[i]) << i;
    }
    EXPECT_FALSE(fs::exists(f.partial(middle)));
}

}  // namespace
}  // namespace lectern::test
