// The `lectern` command line for sync: login (password from a file descriptor, 0600 settings),
// sync (progress, change report, exit codes) and status, and reading offline.

#include <gtest/gtest.h>

#include <sys/stat.h>

#include "sync/client_config.hpp"
#include "sync/local_paths.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

// A login with the password written to a file and given as descriptor 3.
CommandResult login(const std::string& server, const std::string& user,
                    const std::string& password) {
    const fs::path secret = TestServer::get().fresh_dir("secret") / "password";
    write_file(secret, password + "\n");
    return lectern("login " + quote(server) + " --user " + quote(user) + " --password-fd 3 3<" +
                   quote(secret.string()));
}

struct Fixture {
    TestSpace space = create_space("cli");
    fs::path wc = trainer_clone(space);
    fs::path home = fresh_client_home();

    Fixture() {
        write_small_space(wc);
        commit_and_push(space, wc, "A small space");
    }
};

TEST(Sync_Cli, LoginWithPasswordFdSavesAPrivateTokenAndAWrongPasswordNothing) {
    Fixture f;
    const auto wrong = login(TestServer::get().url(), f.space.agent.user, "not-the-password");
    EXPECT_EQ(wrong.exit_code, 2) << wrong.output;
    EXPECT_NE(wrong.output.find("wrong user name or password"), std::string::npos) << wrong.output;
    EXPECT_FALSE(fs::exists(sync::client_config_path()));
    const auto not_logged_in = lectern("sync");
    EXPECT_EQ(not_logged_in.exit_code, 2);
    EXPECT_NE(not_logged_in.output.find("not logged in"), std::string::npos)
        << not_logged_in.output;

    const auto r = login(TestServer::get().url() + "/", f.space.agent.user,
                         "password-of-" + f.space.agent.user);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Logged in"), std::string::npos) << r.output;
    struct stat st {};
    ASSERT_EQ(::stat(sync::client_config_path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const auto config = sync::load_client_config();
    ASSERT_TRUE(config);
    EXPECT_EQ(config->server, TestServer::get().url());
    EXPECT_EQ(config->user, f.space.agent.user);
    EXPECT_FALSE(config->token.empty());
    const std::string file = read_file(sync::client_config_path());
    EXPECT_EQ(file.find("password-of-"), std::string::npos);  // never the password
    // The saved token works: a sync with no space named syncs every space of the user.
    const auto synced = lectern("sync");
    EXPECT_EQ(synced.exit_code, 0) << synced.output;
    EXPECT_NE(synced.output.find(f.space.name + ": first sync"), std::string::npos)
        << synced.output;
}

TEST(Sync_Cli, SyncPrintsProgressAndWhatChangedAndStatusTellsTheState) {
    Fixture f;
    ASSERT_EQ(
        login(TestServer::get().url(), f.space.agent.user, "password-of-" + f.space.agent.user)
            .exit_code,
        0);
    auto r = lectern("sync " + f.space.name);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find(f.space.name + ": receiving"), std::string::npos) << r.output;
    write_file(f.wc / "procedures" / "vpn.md", procedure("vpn", "VPN first", "Connect the VPN."));
    fs::remove(f.wc / "procedures" / "power-cut.md");
    commit_and_push(f.space, f.wc, "Edits");
    r = lectern("sync " + f.space.name);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("1 added, 0 changed, 1 removed"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("added   procedure vpn \"VPN first\""), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("removed procedure power-cut \"Power cut\""), std::string::npos)
        << r.output;
    r = lectern("sync " + f.space.name);
    EXPECT_NE(r.output.find("up to date"), std::string::npos) << r.output;
    r = lectern("status");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find(f.space.name + ":"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("commit: "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("online"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("LFS objects: 0 cached, 0 missing"), std::string::npos) << r.output;
}

TEST(Sync_Cli, OfflineEverythingReadsAndSyncFailsClearlyWithExitTwo) {
    Fixture f;
    StoppableServer server;
    ASSERT_EQ(
        login(server.url(), f.space.agent.user, "password-of-" + f.space.agent.user).exit_code, 0);
    ASSERT_EQ(lectern("sync -q " + f.space.name).exit_code, 0);
    server.stop();

    auto r = lectern("sync " + f.space.name);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("cannot reach the server"), std::string::npos) << r.output;
    r = lectern("show power-cut --space " + f.space.name);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Call the team lead"), std::string::npos) << r.output;
    r = lectern("search 'team lead' --space " + f.space.name);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("power-cut"), std::string::npos) << r.output;
    r = lectern("status " + f.space.name);
    EXPECT_NE(r.output.find("offline"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("reading from the last synced commit"), std::string::npos) << r.output;

    // A token the server no longer accepts: told to log in again, exit 2.
    auto config = *sync::load_client_config();
    config.server = TestServer::get().url();
    config.token = "revoked-or-wrong";
    sync::save_client_config(config);
    r = lectern("sync " + f.space.name);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("lectern login"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace lectern::test
