// The client's settings file and where spaces live on this machine.

#include <gtest/gtest.h>

#include <sys/stat.h>

#include "common/error.hpp"
#include "sync/client_config.hpp"
#include "sync/local_paths.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

TEST(Sync_ClientConfig, SavedFileIsPrivateAndReadsBack) {
    const fs::path home = fresh_client_home();
    EXPECT_EQ(sync::client_config_path(), home / "config" / "lectern" / "client.toml");
    EXPECT_FALSE(sync::load_client_config());
    ::umask(022);
    sync::save_client_config({"http://127.0.0.1:1", "ana", "tok\"en\\", "laptop"});
    struct stat st {};
    ASSERT_EQ(::stat(sync::client_config_path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const auto back = sync::load_client_config();
    ASSERT_TRUE(back);
    EXPECT_EQ(back->server, "http://127.0.0.1:1");
    EXPECT_EQ(back->user, "ana");
    EXPECT_EQ(back->token, "tok\"en\\");
    EXPECT_EQ(back->device, "laptop");
}

TEST(Sync_ClientConfig, MalformedFileNamesTheLine) {
    fresh_client_home();
    write_file(sync::client_config_path(), "server = \"http://x\"\nuser = ana\n");
    try {
        sync::load_client_config();
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidContent);
        EXPECT_EQ(e.where().line, 2);
        EXPECT_NE(std::string(e.what()).find("client.toml:2"), std::string::npos) << e.what();
    }
}

TEST(Sync_ClientConfig, ServerUrlMustBeHttp) {
    EXPECT_EQ(sync::normalise_server_url("http://127.0.0.1:8080//"), "http://127.0.0.1:8080");
    EXPECT_THROW(sync::normalise_server_url("file:///etc"), Error);
    EXPECT_THROW(sync::normalise_server_url("127.0.0.1"), Error);
}

TEST(Sync_LocalPaths, SpacesLiveUnderTheDataHome) {
    const fs::path home = fresh_client_home();
    const auto p = sync::space_paths("alpha");
    EXPECT_EQ(p.content, home / "data" / "lectern" / "spaces" / "alpha" / "content");
    EXPECT_EQ(p.ledger, home / "data" / "lectern" / "spaces" / "alpha" / "ledger");
    EXPECT_EQ(p.lfs, home / "data" / "lectern" / "spaces" / "alpha" / "lfs");
}

TEST(Sync_LocalPaths, NamesThatCouldLeaveTheFolderAreRefused) {
    fresh_client_home();
    for (const char* bad : {"..", ".", "../x", "a/b", "/abs", "", "A", ".hidden", "a\\b"})
        EXPECT_THROW(sync::space_paths(bad), Error) << bad;
}

}  // namespace
}  // namespace lectern::test
