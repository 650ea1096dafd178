// lectern-desktop syncing against the real lectern-server on 127.0.0.1: the space is published
// by a trainer with stock git, synced once by `lectern sync`, changed on the server, then the
// app (under Xvfb, its "sync" scenario) syncs on start, shows progress, the status bar and
// what changed.

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "sync/client_config.hpp"
#include "sync/local_paths.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

void append(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::app);
    out << text;
}

TEST(Gui_Sync, OnStartTheAppSyncsShowsTheStatusAndWhatChanged) {
    const TestSpace space = create_space("desk");
    const fs::path wc = trainer_clone(space);
    fs::copy(LECTERN_SAMPLE_CONTENT, wc, fs::copy_options::recursive);
    commit_and_push(space, wc, "The sample content");

    const fs::path home = fresh_client_home();
    sync::save_client_config(
        {TestServer::get().url(), space.agent.user, space.agent.token, "laptop"});
    const auto first = lectern("sync " + quote(space.name));
    ASSERT_EQ(first.exit_code, 0) << first.output;

    append(wc / "procedures" / "vpn-security.md",
           "\nLock the laptop in the car boot, never on a seat.\n");
    append(wc / "procedures" / "escalation.md", "\nEscalate a threat to staff at once.\n");
    commit_and_push(space, wc, "Two procedures made clearer");

    const fs::path content = sync::space_paths(space.name).content;
    const fs::path shots = fs::path(LECTERN_GUI_WORK_DIR) / "screenshots" / "sync";
    fs::remove_all(shots);
    fs::create_directories(shots);
    const std::string command =
        "ASAN_OPTIONS=detect_leaks=0 NO_AT_BRIDGE=1 LANG=C.UTF-8 LC_ALL=C.UTF-8 "
        "LECTERN_INDEX_DIR=" +
        quote((home / "index").string()) + " " + quote(LECTERN_XVFB_RUN) +
        " -a -s '-screen 0 1280x800x24' " + quote(LECTERN_DESKTOP_BIN) + " --space " +
        quote(content.string()) + " --config " + quote((home / "settings").string()) +
        " --gui-test sync --screenshots " + quote(shots.string());
    const auto run = TestServer::sh(command);
    EXPECT_EQ(run.exit_code, 0) << run.output;
}

// The app run under Xvfb with a scenario; no --space: what the settings say decides.
CommandResult run_app_without_space(const fs::path& home, const std::string& scenario,
                                    const std::string& environment) {
    const fs::path shots = fs::path(LECTERN_GUI_WORK_DIR) / "screenshots" / "sign-in";
    fs::create_directories(shots);
    return TestServer::sh(environment +
                          " ASAN_OPTIONS=detect_leaks=0 NO_AT_BRIDGE=1 LANG=C.UTF-8 LC_ALL=C.UTF-8 "
                          "LECTERN_INDEX_DIR=" +
                          quote((home / "index").string()) + " " + quote(LECTERN_XVFB_RUN) +
                          " -a -s '-screen 0 1280x800x24' " + quote(LECTERN_DESKTOP_BIN) +
                          " --config " + quote((home / "settings").string()) + " --gui-test " +
                          scenario + " --screenshots " + quote(shots.string()));
}

TEST(Gui_SignIn, FirstStartSignsInWithThePasswordSyncsTheSpaceAndOpensItNextTime) {
    const TestSpace space = create_space("signin");
    const fs::path wc = trainer_clone(space);
    fs::copy(LECTERN_SAMPLE_CONTENT, wc, fs::copy_options::recursive);
    commit_and_push(space, wc, "The sample content");
    const fs::path home = fresh_client_home();
    fs::remove_all(fs::path(LECTERN_GUI_WORK_DIR) / "screenshots" / "sign-in");

    const auto first = run_app_without_space(
        home, "sign-in",
        "LECTERN_GUI_SERVER=" + quote(TestServer::get().url() + "/") +
            " LECTERN_GUI_USER=" + quote(space.agent.user) +
            " LECTERN_GUI_PASSWORD=" + quote("password-of-" + space.agent.user));
    ASSERT_EQ(first.exit_code, 0) << first.output;

    // The token (never the password) is in the client's settings, shared with the CLI.
    const auto config = sync::load_client_config();
    ASSERT_TRUE(config.has_value());
    EXPECT_EQ(config->server, TestServer::get().url());
    EXPECT_EQ(config->user, space.agent.user);
    EXPECT_FALSE(config->token.empty());
    const std::string stored = read_file(sync::client_config_path());
    EXPECT_EQ(stored.find("password-of-"), std::string::npos);
    EXPECT_NE(read_file(home / "settings").find("Space=" + space.name), std::string::npos);
    EXPECT_TRUE(
        fs::exists(sync::space_paths(space.name).content / "procedures" / "vpn-security.md"));
    // The CLI uses the same login.
    const auto status = lectern("status " + quote(space.name));
    EXPECT_EQ(status.exit_code, 0) << status.output;

    const auto next = run_app_without_space(home, "synced-start", "");
    EXPECT_EQ(next.exit_code, 0) << next.output;
}

}  // namespace
}  // namespace lectern::test
