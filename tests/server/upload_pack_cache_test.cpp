// The upload-pack cache: stored answers are byte-identical to git's, stock git clones from
// them, a push moves the refs and so makes them unreachable, and every permission check runs
// before the cache is consulted. The cache class itself: size bound, eviction, one producer.

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <future>
#include <regex>

#include "cache/upload_pack_cache.hpp"
#include "config.hpp"
#include "http_probe.hpp"
#include "test_server.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;
using server::UploadPackCache;
using server::UploadPackCacheOptions;

/// alpha's content holds the sample content (published once, whichever suite runs first).
TestServer& server_with_content() {
    TestServer& s = TestServer::get();
    const auto heads =
        s.git("ls-remote " + s.repo_url("alpha") + " refs/heads/main", s.scratch(), "alpha-admin");
    if (heads.output.find("refs/heads/main") == std::string::npos)
        s.publish("alpha", sample_content());
    return s;
}

std::string remote_head(TestServer& s) {
    const auto r =
        s.git("ls-remote " + s.repo_url("alpha") + " refs/heads/main", s.scratch(), "alpha-admin");
    return r.output.substr(0, 40);
}

/// The upload-pack cache's counter for `outcome` ("hit", "miss", "bypass") in /metrics.
long cache_count(TestServer& s, const std::string& outcome) {
    const Probe m = request(s, "GET", "/metrics", "");
    std::smatch match;
    const std::regex line("lectern_upload_pack_cache_requests_total\\{outcome=\"" + outcome +
                          "\"\\} ([0-9]+)");
    return std::regex_search(m.body, match, line) ? std::stol(match[1]) : 0;
}

std::string pkt_line(const std::string& text) {
    char length[5];
    std::snprintf(length, sizeof length, "%04zx", text.size() + 4);
    return length + text;
}

/// A protocol v0 fetch of `commit` with no haves: what a first clone asks.
std::string want_request(const std::string& commit) {
    return pkt_line("want " + commit + " side-band-64k ofs-delta\n") + "0000" + pkt_line("done\n");
}

Probe upload_pack(TestServer& s, const std::string& space, const std::string& who,
                  const std::string& body) {
    return request(s, "POST", "/" + space + "/content.git/git-upload-pack", who, body,
                   "application/x-git-upload-pack-request");
}

TEST(Server_UploadPackCache, IdenticalRequestIsAnsweredFromTheCacheWithIdenticalBytes) {
    auto& s = server_with_content();
    const std::string body = want_request(remote_head(s));
    const long hits = cache_count(s, "hit");
    const Probe first = upload_pack(s, "alpha", "alpha-agent", body);
    ASSERT_EQ(first.status, 200) << first.body;
    ASSERT_NE(first.body.find("PACK"), std::string::npos);
    // Another user of the space asks the same: the stored answer, byte for byte.
    const Probe second = upload_pack(s, "alpha", "alpha-supervisor", body);
    EXPECT_EQ(second.status, 200);
    EXPECT_TRUE(second.body == first.body) << "answers differ";
    EXPECT_EQ(cache_count(s, "hit"), hits + 1);
}

TEST(Server_UploadPackCache, CloneFromStoredAnswersWorksWithStockGit) {
    auto& s = server_with_content();
    const fs::path first = s.fresh_dir("cache-clone");
    auto r = s.git("clone -q " + s.repo_url("alpha") + " wc", first, "alpha-agent");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const long hits = cache_count(s, "hit");
    const fs::path second = s.fresh_dir("cache-clone");
    r = s.git("clone -q " + s.repo_url("alpha") + " wc", second, "alpha-auditor");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_GT(cache_count(s, "hit"), hits) << "the second clone was not served from the cache";
    r = TestServer::sh("git fsck --full --strict && git rev-parse HEAD", second / "wc");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find(remote_head(s)), std::string::npos) << r.output;
    EXPECT_TRUE(fs::exists(second / "wc" / "lectern.yaml"));
}

TEST(Server_UploadPackCache, PushMakesStoredAnswersUnreachable) {
    auto& s = server_with_content();
    const fs::path agent = s.fresh_dir("cache-fetch");
    auto r = s.git("clone -q " + s.repo_url("alpha") + " wc", agent, "alpha-agent");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    // The same fetches twice: stored, and answered from the store. Protocol v0 (libgit2's)
    // lists the refs in the advertisement (GET info/refs), v2 in a POST (ls-refs).
    for (int round = 0; round < 2; ++round) {
        ASSERT_EQ(
            s.git("-c protocol.version=0 fetch -q origin", agent / "wc", "alpha-agent").exit_code,
            0);
        ASSERT_EQ(s.git("fetch -q origin", agent / "wc", "alpha-agent").exit_code, 0);
    }

    const fs::path trainer = s.fresh_dir("cache-push");
    r = s.git("clone -q " + s.repo_url("alpha") + " wc", trainer, "alpha-trainer");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    std::ofstream(trainer / "wc" / "synonyms.txt", std::ios::app) << "cache = store\n";
    ASSERT_EQ(TestServer::sh("git commit -qam 'Cache synonym'", trainer / "wc").exit_code, 0);
    r = s.git("push -q origin HEAD:main", trainer / "wc", "alpha-trainer");
    ASSERT_EQ(r.exit_code, 0) << r.output;

    const long misses = cache_count(s, "miss");
    r = s.git("-c protocol.version=0 fetch -q origin", agent / "wc", "alpha-agent");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = TestServer::sh("git rev-parse origin/main", agent / "wc");
    EXPECT_EQ(r.output.substr(0, 40), remote_head(s)) << "the v0 fetch got the old refs";
    ASSERT_EQ(
        TestServer::sh("git update-ref refs/remotes/origin/main HEAD", agent / "wc").exit_code,
        0);  // behind again, for the v2 fetch below
    r = s.git("fetch -q origin && git merge -q --ff-only origin/main", agent / "wc", "alpha-agent");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_GT(cache_count(s, "miss"), misses) << "the fetch after the push was not answered by git";
    std::ifstream in(agent / "wc" / "synonyms.txt");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("cache = store"), std::string::npos) << "the fetch got the old refs";
}

TEST(Server_UploadPackCache, PermissionsAreCheckedBeforeTheCache) {
    auto& s = server_with_content();
    const std::string body = want_request(remote_head(s));
    ASSERT_EQ(upload_pack(s, "alpha", "alpha-agent", body).status, 200);
    ASSERT_EQ(upload_pack(s, "alpha", "alpha-agent", body).status, 200);  // stored now
    const long hits = cache_count(s, "hit");
    for (const std::string who : {"", "alpha-revoked", "alpha-expired", "beta-agent"}) {
        const Probe p = upload_pack(s, "alpha", who, body);
        EXPECT_TRUE(p.status == 401 || p.status == 403 || p.status == 404)
            << who << " got " << p.status;
        EXPECT_EQ(p.body.find("PACK"), std::string::npos) << who << " got a pack";
    }
    // The same request against another space is that space's question, not alpha's answer.
    const Probe other = upload_pack(s, "beta", "beta-agent", body);
    EXPECT_EQ(other.body.find("PACK"), std::string::npos) << other.body;
    EXPECT_EQ(cache_count(s, "hit"), hits);
}

// The cache class on its own.

struct CacheFolder {
    fs::path dir = TestServer::get().fresh_dir("cache-unit") / "cache";
};

std::string key(int n) {
    char hex[65];
    std::snprintf(hex, sizeof hex, "%064x", n);
    return hex;
}

void store(UploadPackCache& cache, const std::string& k, const std::string& bytes) {
    auto found = cache.lookup(k);
    ASSERT_TRUE(found.fill);
    found.fill->write(bytes);
    found.fill->finish(true);
}

std::string read_all(server::UniqueFd fd) {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fd.get(), buf, sizeof buf)) > 0;) out.append(buf, n);
    return out;
}

TEST(Server_UploadPackCache, KeepsItsSizeBoundByDroppingTheLeastRecentlyUsed) {
    CacheFolder f;
    UploadPackCache cache(UploadPackCacheOptions{f.dir, 4000});
    store(cache, key(1), std::string(1000, 'a'));
    store(cache, key(2), std::string(1000, 'b'));
    store(cache, key(3), std::string(1000, 'c'));
    ASSERT_TRUE(cache.lookup(key(1)).hit);  // 1 is now more recent than 2
    store(cache, key(4), std::string(1000, 'd'));
    store(cache, key(5), std::string(1000, 'e'));
    const auto stats = cache.stats();
    EXPECT_LE(stats.bytes, 4000u);
    EXPECT_EQ(stats.evictions, 1u);
    EXPECT_EQ(read_all(cache.lookup(key(1)).hit), std::string(1000, 'a'));
    auto evicted = cache.lookup(key(2));
    EXPECT_FALSE(evicted.hit);
    EXPECT_FALSE(fs::exists(f.dir / key(2)));
    std::uint64_t on_disk = 0;
    for (const auto& e : fs::directory_iterator(f.dir)) on_disk += e.file_size();
    EXPECT_LE(on_disk, 4000u);
}

TEST(Server_UploadPackCache, IncompleteOrOversizedAnswersAreNotStored) {
    CacheFolder f;
    UploadPackCache cache(UploadPackCacheOptions{f.dir, 4000});
    {
        auto found = cache.lookup(key(1));
        ASSERT_TRUE(found.fill);
        found.fill->write("half an answer");
        found.fill->finish(false);  // the client went away, or the refs moved meanwhile
    }
    {
        auto found = cache.lookup(key(2));
        ASSERT_TRUE(found.fill);
        found.fill->write(std::string(1001, 'x'));  // over a quarter of the bound
        found.fill->finish(true);
    }
    { auto dropped = cache.lookup(key(3)); }  // a producer that threw before finishing
    EXPECT_EQ(cache.stats().entries, 0u);
    EXPECT_TRUE(fs::is_empty(f.dir));
}

TEST(Server_UploadPackCache, ConcurrentRequestWaitsForTheOneProducingTheAnswer) {
    CacheFolder f;
    UploadPackCache cache(UploadPackCacheOptions{f.dir, 1 << 20});
    auto producer = cache.lookup(key(7));
    ASSERT_TRUE(producer.fill);
    auto waiter =
        std::async(std::launch::async, [&] { return read_all(cache.lookup(key(7)).hit); });
    EXPECT_EQ(waiter.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
    producer.fill->write("the answer");
    producer.fill->finish(true);
    EXPECT_EQ(waiter.get(), "the answer");
}

TEST(Server_UploadPackCache, StartsEmptyAndCanBeSwitchedOff) {
    CacheFolder f;
    fs::create_directories(f.dir);
    std::ofstream(f.dir / key(9)) << "left by an earlier run";
    UploadPackCache cache(UploadPackCacheOptions{f.dir, 4000});
    EXPECT_FALSE(cache.lookup(key(9)).hit);

    const fs::path toml = TestServer::get().fresh_dir("cache-config") / "server.toml";
    std::ofstream(toml) << "[git]\nupload_pack_cache = false\n";
    server::ConfigOverrides o;
    o.config_file = toml;
    EXPECT_FALSE(server::load_config(o).upload_pack_cache);
    EXPECT_TRUE(server::ServerConfig{}.upload_pack_cache);
}

}  // namespace
}  // namespace lectern::test
