// Git LFS on the client: objects pushed with stock git-lfs are fetched through the batch API,
// sha256-verified and cached; the onboarding path's videos are prefetched by a sync; a
// damaged object on the server is refused; an interrupted download resumes.

#include <gtest/gtest.h>

#include <random>

#include "sync/client_config.hpp"
#include "sync/lfs.hpp"
#include "sync/local_paths.hpp"
#include "sync/space_status.hpp"
#include "sync/space_sync.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;
using sync::LfsPointer;
using sync::TransferFailureReason;

std::string random_bytes(std::size_t n) {
    std::mt19937 gen(std::random_device{}());
    std::string out(n, '\0');
    for (auto& c : out) c = static_cast<char>(gen());
    return out;
}

std::string lesson(const std::string& id, const std::string& video) {
    return "---\nid: " + id + "\ntype: lesson\ntitle: Lesson " + id +
           "\nlang: en\nowner: anna.berg\nupdated: 2026-01-01\nvideo: " + video +
           "\n---\n\nWatch the video.\n";
}

// A space with three lessons whose videos are in LFS, pushed once per process with stock
// git-lfs; only "intro" is on the onboarding path. "spoiled" is damaged on the server by one
// test and read by no other.
struct LfsSpace {
    TestSpace space = create_space("lfs");
    std::string intro = random_bytes(300 * 1024);
    std::string extra = random_bytes(200 * 1024);
    std::string spoiled = random_bytes(100 * 1024);

    LfsSpace() {
        const fs::path wc = trainer_clone(space);
        write_small_space(wc);
        for (const auto& [id, bytes] : {std::pair{"intro", &intro}, std::pair{"extra", &extra},
                                        std::pair{"spoiled", &spoiled}}) {
            write_file(wc / "lessons" / id / "lesson.md", lesson(id, std::string(id) + ".mp4"));
            write_file(wc / "lessons" / id / (std::string(id) + ".mp4"), *bytes);
        }
        write_file(wc / "paths" / "new-agent.yaml",
                   "id: new-agent\ntitle: New agents\nlang: en\nrole: agent\nowner: anna.berg\n"
                   "updated: 2026-01-01\nsections:\n  - title: First day\n    items:\n"
                   "      - ref: screen-lock\n        due_days: 1\n      - ref: intro\n        "
                   "due_days: 2\n");
        auto r = TestServer::sh("git lfs install --local && git lfs track 'lessons/**/*.mp4'", wc);
        EXPECT_EQ(r.exit_code, 0) << r.output;
        commit_and_push(space, wc, "Lessons");
        r = git_as(space.trainer, "lfs push origin main", wc);
        EXPECT_EQ(r.exit_code, 0) << r.output;
    }
};

const LfsSpace& lfs_space() {
    static const LfsSpace s;
    return s;
}

// The shared space and a client of this test's own.
struct Fixture {
    const TestSpace& space = lfs_space().space;
    const std::string& intro = lfs_space().intro;
    const std::string& extra = lfs_space().extra;
    const std::string& spoiled = lfs_space().spoiled;
    fs::path home = fresh_client_home();

    sync::SyncReport sync_now() const {
        sync::SyncOptions o;
        o.space = space.name;
        o.server = TestServer::get().url();
        o.credentials = {space.agent.user, space.agent.token};
        return sync::sync_space(o);
    }
    sync::LfsFetchOptions fetch_options() const {
        return {TestServer::get().url(), space.name, {space.agent.user, space.agent.token}, {}};
    }
    static LfsPointer pointer_of(const std::string& bytes) {
        return {sha256_of(bytes), bytes.size()};
    }
    static std::string sha256_of(const std::string& bytes) {
        const fs::path f = TestServer::get().fresh_dir("hash") / "f";
        write_file(f, bytes);
        return TestServer::sh("sha256sum " + quote(f.string())).output.substr(0, 64);
    }
    fs::path server_object(const LfsPointer& p) const {
        return TestServer::get().state_dir() / "spaces" / space.name / "lfs" / "objects" /
               p.oid.substr(0, 2) / p.oid.substr(2, 2) / p.oid;
    }
};

TEST(Sync_Lfs, PointerFilesAreRecognised) {
    const std::string oid(64, 'a');
    const auto p = sync::parse_lfs_pointer(
        "version https://git-lfs.github.com/spec/v1\noid sha256:" + oid + "\nsize 12345\n");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->oid, oid);
    EXPECT_EQ(p->size, 12345u);
    EXPECT_FALSE(sync::parse_lfs_pointer("# A procedure\n"));
    EXPECT_FALSE(sync::parse_lfs_pointer(
        "version https://git-lfs.github.com/spec/v1\noid sha256:../x\nsize 1\n"));
    EXPECT_FALSE(sync::parse_lfs_pointer(
        "version https://git-lfs.github.com/spec/v1\noid sha256:" + oid + "\nsize 12x\n"));
}

TEST(Sync_Lfs, SyncPrefetchesThePathsVideosAndTheRestComeOnDemand) {
    Fixture f;
    const auto report = f.sync_now();
    ASSERT_TRUE(report.ok()) << report.failure->message;
    EXPECT_TRUE(report.lfs_problems.empty()) << report.lfs_problems.front();
    EXPECT_EQ(report.lfs_downloaded, 1u);
    const auto content = sync::space_paths(f.space.name).content;
    // The tree holds pointers; the cache holds the verified bytes.
    const auto intro =
        sync::parse_lfs_pointer(read_file(content / "lessons" / "intro" / "intro.mp4"));
    const auto extra =
        sync::parse_lfs_pointer(read_file(content / "lessons" / "extra" / "extra.mp4"));
    ASSERT_TRUE(intro && extra);
    EXPECT_EQ(*intro, Fixture::pointer_of(f.intro));
    ASSERT_TRUE(sync::cached_lfs_object(f.space.name, *intro));
    EXPECT_EQ(read_file(*sync::cached_lfs_object(f.space.name, *intro)), f.intro);
    EXPECT_FALSE(sync::cached_lfs_object(f.space.name, *extra));
    auto status = sync::space_status(f.space.name);
    EXPECT_EQ(status.lfs_cached, 1u);
    EXPECT_EQ(status.lfs_missing, 2u);

    // The lesson view asks for the other video: it comes with the saved login.
    sync::save_client_config(
        {TestServer::get().url(), f.space.agent.user, f.space.agent.token, "test"});
    const auto object = sync::lfs_object_path(f.space.name, *extra);
    ASSERT_TRUE(object.path) << object.failure->message;
    EXPECT_EQ(read_file(*object.path), f.extra);
    status = sync::space_status(f.space.name);
    EXPECT_EQ(status.lfs_cached, 2u);
    EXPECT_EQ(status.lfs_missing, 1u);
    // A second sync downloads nothing again.
    EXPECT_EQ(f.sync_now().lfs_downloaded, 0u);
}

TEST(Sync_Lfs, DamagedObjectOnTheServerIsRefused) {
    Fixture f;
    const LfsPointer p = Fixture::pointer_of(f.spoiled);
    std::string damaged = f.spoiled;
    damaged[1000] ^= 0x20;
    write_file(f.server_object(p), damaged);  // same size, other bytes
    const auto report = sync::fetch_lfs_objects(f.fetch_options(), {p});
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].reason, TransferFailureReason::UnsafeContent);
    EXPECT_NE(report.problems[0].message.find("sha256"), std::string::npos)
        << report.problems[0].message;
    EXPECT_FALSE(sync::cached_lfs_object(f.space.name, p));
    EXPECT_FALSE(fs::exists(sync::space_paths(f.space.name).lfs / "incomplete" / p.oid));
    // What the lesson view gets: the same refusal, no file.
    sync::save_client_config(
        {TestServer::get().url(), f.space.agent.user, f.space.agent.token, "test"});
    const auto object = sync::lfs_object_path(f.space.name, p);
    EXPECT_FALSE(object.path);
    ASSERT_TRUE(object.failure);
    EXPECT_EQ(object.failure->reason, TransferFailureReason::UnsafeContent);
}

TEST(Sync_Lfs, InterruptedDownloadResumesWhereItStopped) {
    Fixture f;
    const LfsPointer p = Fixture::pointer_of(f.extra);
    const fs::path partial = sync::space_paths(f.space.name).lfs / "incomplete" / p.oid;
    const std::size_t had = 120 * 1024;
    write_file(partial, f.extra.substr(0, had));
    const auto report = sync::fetch_lfs_objects(f.fetch_options(), {p});
    ASSERT_TRUE(report.ok()) << (report.failure ? report.failure->message
                                                : report.problems[0].message);
    EXPECT_EQ(report.bytes, f.extra.size() - had);  // only the rest came over the network
    EXPECT_EQ(read_file(*sync::cached_lfs_object(f.space.name, p)), f.extra);
    EXPECT_FALSE(fs::exists(partial));
}

TEST(Sync_Lfs, DamagedPartialFileIsVerifiedAndFetchedAgain) {
    Fixture f;
    const LfsPointer p = Fixture::pointer_of(f.extra);
    const fs::path partial = sync::space_paths(f.space.name).lfs / "incomplete" / p.oid;
    write_file(partial, std::string(50 * 1024, 'x'));
    const auto report = sync::fetch_lfs_objects(f.fetch_options(), {p});
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report.bytes, f.extra.size() - 50 * 1024 + f.extra.size());
    EXPECT_EQ(read_file(*sync::cached_lfs_object(f.space.name, p)), f.extra);
}

}  // namespace
}  // namespace lectern::test
