// Git LFS: the real git-lfs pushes and pulls through the batch API; uploads are verified;
// downloads honour Range.

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

#include "http_probe.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

std::string random_bytes(std::size_t n) {
    std::mt19937 gen(std::random_device{}());
    std::string out(n, '\0');
    for (auto& c : out) c = static_cast<char>(gen());
    return out;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(Server_Lfs, GitLfsPushThenPullByAnAgent) {
    TestServer& s = TestServer::get();
    const fs::path work = s.fresh_dir("lfs");
    ASSERT_EQ(s.git("clone -q " + s.repo_url("alpha") + " wc", work, "alpha-trainer").exit_code, 0);
    const fs::path wc = work / "wc";
    if (!fs::exists(wc / "lectern.yaml"))
        fs::copy(sample_content(), wc, fs::copy_options::recursive);
    const std::string video = random_bytes(300 * 1024);
    fs::create_directories(wc / "assets");
    std::ofstream(wc / "assets" / "clip.bin", std::ios::binary) << video;
    auto r = TestServer::sh(
        "git lfs install --local && git lfs track 'assets/*.bin' && git add -A && "
        "git commit -qm 'A lesson video'",
        wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = s.git("push origin HEAD:main", wc, "alpha-trainer");  // git-lfs' pre-push hook uploads
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = s.git("lfs push origin main", wc, "alpha-trainer");
    ASSERT_EQ(r.exit_code, 0) << r.output;

    const fs::path agent = s.fresh_dir("lfs-agent");
    r = s.git(
        "-c filter.lfs.smudge= -c filter.lfs.process= -c filter.lfs.required=false clone -q " +
            s.repo_url("alpha") + " wc",
        agent, "alpha-agent");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(read_file(agent / "wc" / "assets" / "clip.bin"), video);  // a pointer until pulled
    r = s.git("lfs pull", agent / "wc", "alpha-agent");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(read_file(agent / "wc" / "assets" / "clip.bin"), video);
}

TEST(Server_Lfs, GitLfsPushByAnAgentIsRefused) {
    TestServer& s = TestServer::get();
    const std::string bytes = random_bytes(1000);
    const Probe p = request(s, "PUT", "/alpha/content.git/info/lfs/objects/" + sha256_hex(bytes),
                            "alpha-agent", bytes, "application/octet-stream");
    EXPECT_EQ(p.status, 403);
}

TEST(Server_Lfs, CorruptedUploadIsRefusedAndNotStored) {
    TestServer& s = TestServer::get();
    const std::string bytes = random_bytes(5000);
    const std::string oid = sha256_hex(bytes);
    std::string corrupted = bytes;
    corrupted[100] ^= 1;
    const std::string path = "/alpha/content.git/info/lfs/objects/" + oid;
    const Probe put =
        request(s, "PUT", path, "alpha-trainer", corrupted, "application/octet-stream");
    EXPECT_EQ(put.status, 422) << put.body;
    EXPECT_EQ(request(s, "GET", path, "alpha-agent").status, 404);
}

TEST(Server_Lfs, UploadOverAnExistingObjectIsStillVerified) {
    TestServer& s = TestServer::get();
    const PlantedObject o = plant_lfs_object(s, "alpha", random_bytes(4000));
    const std::string path = "/alpha/content.git/info/lfs/objects/" + o.oid;
    const Probe put =
        request(s, "PUT", path, "alpha-trainer", "not the object", "application/octet-stream");
    EXPECT_EQ(put.status, 422);
    EXPECT_EQ(request(s, "GET", path, "alpha-agent").body, o.bytes);
}

TEST(Server_Lfs, DownloadSupportsRange) {
    TestServer& s = TestServer::get();
    const PlantedObject o = plant_lfs_object(s, "alpha", random_bytes(100000));
    const Probe p = request(s, "GET", "/alpha/content.git/info/lfs/objects/" + o.oid, "alpha-agent",
                            "", "", "bytes=70000-");
    EXPECT_EQ(p.status, 206);
    EXPECT_EQ(p.body, o.bytes.substr(70000));
}

TEST(Server_Lfs, BatchNamesMissingObjectsAsErrors) {
    TestServer& s = TestServer::get();
    const std::string oid = sha256_hex("never uploaded");
    const Probe p =
        request(s, "POST", "/alpha/content.git/info/lfs/objects/batch", "alpha-agent",
                "{\"operation\":\"download\",\"objects\":[{\"oid\":\"" + oid + "\",\"size\":14}]}",
                "application/vnd.git-lfs+json");
    EXPECT_EQ(p.status, 200);
    EXPECT_NE(p.body.find("\"code\":404"), std::string::npos) << p.body;
}

TEST(Server_Lfs, BatchAnswersEachObjectWithItsActionOrError) {
    TestServer& s = TestServer::get();
    const PlantedObject o = plant_lfs_object(s, "alpha", random_bytes(4000));
    const std::string missing = sha256_hex("never uploaded either");
    const std::string base = "/alpha/content.git/info/lfs/objects/";

    // A download: the stored size whatever the client said, the same credentials for the
    // transfer; a missing object and malformed entries are errors of their own.
    Probe p = request(s, "POST", base + "batch", "alpha-agent",
                      "{\"operation\":\"download\",\"objects\":[{\"oid\":\"" + o.oid +
                          "\",\"size\":1},{\"oid\":\"" + missing +
                          "\",\"size\":3},{\"oid\":\"ABC\\\"\",\"size\":2},7]}",
                      "application/vnd.git-lfs+json");
    ASSERT_EQ(p.status, 200) << p.body;
    auto answer = nlohmann::json::parse(p.body);
    EXPECT_EQ(answer["transfer"], "basic");
    auto objects = answer["objects"];
    ASSERT_EQ(objects.size(), 4u) << p.body;
    EXPECT_EQ(objects[0]["oid"], o.oid);
    EXPECT_EQ(objects[0]["size"], 4000);
    const auto download = objects[0]["actions"]["download"];
    const std::string href = download["href"];
    EXPECT_EQ(href.substr(href.size() - base.size() - o.oid.size()), base + o.oid);
    EXPECT_EQ(download["header"]["Authorization"].get<std::string>().rfind("Basic ", 0), 0u);
    EXPECT_GT(download["expires_in"], 0);
    EXPECT_EQ(objects[1]["oid"], missing);
    EXPECT_EQ(objects[1]["error"]["code"], 404);
    EXPECT_EQ(objects[2]["oid"], "ABC\"");
    EXPECT_EQ(objects[2]["error"]["code"], 422);
    EXPECT_EQ(objects[3]["error"]["code"], 422);

    // An upload: nothing to send for an object stored with that size, an action for a new one.
    const std::string fresh = sha256_hex("a new object");
    p = request(s, "POST", base + "batch", "alpha-trainer",
                "{\"operation\":\"upload\",\"objects\":[{\"oid\":\"" + o.oid +
                    "\",\"size\":4000},{\"oid\":\"" + fresh + "\",\"size\":12}]}",
                "application/vnd.git-lfs+json");
    ASSERT_EQ(p.status, 200) << p.body;
    objects = nlohmann::json::parse(p.body)["objects"];
    ASSERT_EQ(objects.size(), 2u) << p.body;
    EXPECT_FALSE(objects[0].contains("actions")) << p.body;
    EXPECT_EQ(objects[0]["size"], 4000);
    EXPECT_EQ(objects[1]["size"], 12);
    const std::string upload = objects[1]["actions"]["upload"]["href"];
    EXPECT_EQ(upload.substr(upload.size() - fresh.size()), fresh);
}

}  // namespace
}  // namespace lectern::test
