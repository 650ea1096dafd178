// lectern-desktop syncing against the real lectern-server on 127.0.0.1: the space is published
// by a trainer with stock git, synced once by `lectern sync`, changed on the server, then the
// app (under Xvfb, its "sync" scenario) syncs on start, shows progress, the status bar and
// what changed.

#include <cstdlib>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "support/loopback_relay.hpp"
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

// The app run under Xvfb with a scenario, its screenshots in screenshots/SHOTS: `arguments` are
// the app's own (such as --space), `environment` variables set for it.
CommandResult run_app(const fs::path& home, const std::string& scenario,
                      const std::string& shots_name, const std::string& arguments,
                      const std::string& environment = "") {
    const fs::path shots = fs::path(LECTERN_GUI_WORK_DIR) / "screenshots" / shots_name;
    fs::create_directories(shots);
    return TestServer::sh(environment +
                          " ASAN_OPTIONS=detect_leaks=0 NO_AT_BRIDGE=1 LANG=C.UTF-8 LC_ALL=C.UTF-8 "
                          "LECTERN_INDEX_DIR=" +
                          quote((home / "index").string()) + " " + quote(LECTERN_XVFB_RUN) +
                          " -a -s '-screen 0 1280x800x24' " + quote(LECTERN_DESKTOP_BIN) + " " +
                          arguments + " --config " + quote((home / "settings").string()) +
                          " --gui-test " + scenario + " --screenshots " + quote(shots.string()));
}

// The app on the synced copy of a space, with the screenshots of an earlier run removed.
CommandResult run_app_on_space(const fs::path& home, const std::string& scenario,
                               const std::string& space_name, const std::string& environment = "") {
    fs::remove_all(fs::path(LECTERN_GUI_WORK_DIR) / "screenshots" / scenario);
    return run_app(home, scenario, scenario,
                   "--space " + quote(sync::space_paths(space_name).content.string()), environment);
}

// A space whose content is the sample content, pushed by its trainer from `clone`.
struct SampleSpace {
    TestSpace space;
    fs::path clone;
};

SampleSpace published_sample(const std::string& name) {
    SampleSpace out{create_space(name), {}};
    out.clone = trainer_clone(out.space);
    fs::copy(LECTERN_SAMPLE_CONTENT, out.clone, fs::copy_options::recursive);
    commit_and_push(out.space, out.clone, "The sample content");
    return out;
}

// A fresh client home signed in to the test server as the space's agent.
fs::path agent_home(const TestSpace& space) {
    const fs::path home = fresh_client_home();
    sync::save_client_config(
        {TestServer::get().url(), space.agent.user, space.agent.token, "laptop"});
    return home;
}

TEST(Gui_Sync, OnStartTheAppSyncsShowsTheStatusAndWhatChanged) {
    const auto [space, wc] = published_sample("desk");

    const fs::path home = agent_home(space);
    const auto first = lectern("sync " + quote(space.name));
    ASSERT_EQ(first.exit_code, 0) << first.output;

    append(wc / "procedures" / "vpn-security.md",
           "\nLock the laptop in the car boot, never on a seat.\n");
    append(wc / "procedures" / "escalation.md", "\nEscalate a threat to staff at once.\n");
    commit_and_push(space, wc, "Two procedures made clearer");

    const auto run = run_app_on_space(home, "sync", space.name);
    EXPECT_EQ(run.exit_code, 0) << run.output;
}

// Cancel mid-sync: the server's changes (4 MiB of new files that do not compress, and a
// paragraph added to the VPN procedure above the part the agent reads) come through a proxy
// passing 256 KiB a second, so the fetch takes about 16 s and Esc lands during it. The app's
// "sync-cancel" scenario checks the rest and syncs again directly.
TEST(Gui_SyncCancel, EscStopsTheSyncLeavesTheCopyAsItWasAndTheNextSyncKeepsThePlace) {
    const auto [space, wc] = published_sample("cancel");

    const fs::path home = agent_home(space);
    const auto first = lectern("sync " + quote(space.name));
    ASSERT_EQ(first.exit_code, 0) << first.output;

    std::mt19937 random(6);
    for (int i = 0; i < 4; ++i) {
        std::string noise(1024 * 1024, '\0');
        for (auto& c : noise) c = static_cast<char>(random());
        write_file(wc / "assets" / ("noise-" + std::to_string(i) + ".bin"), noise);
    }
    const fs::path vpn = wc / "procedures" / "vpn-security.md";
    std::string text = read_file(vpn);
    const std::string first_section = "## The VPN";
    ASSERT_NE(text.find(first_section), std::string::npos);
    text.insert(text.find(first_section),
                "Before your first shift, check with IT that your home address is the one "
                "they have on file.\n\nKeep the laptop's lid closed when you step away, even "
                "for a minute, and never leave it unlocked in a shared room.\n\n");
    write_file(vpn, text);
    commit_and_push(space, wc, "Noise files and a clearer VPN procedure");

    LoopbackRelay proxy(port_of(TestServer::get().url()), {.bytes_per_second = 256 * 1024});
    sync::save_client_config({proxy.url(), space.agent.user, space.agent.token, "laptop"});
    write_file(home / "settings", "[Session]\nFirstStartDone=1\nLastDocument=vpn-security\n");

    const auto run =
        run_app_on_space(home, "sync-cancel", space.name,
                         "LECTERN_GUI_DIRECT_SERVER=" + quote(TestServer::get().url()));
    EXPECT_EQ(run.exit_code, 0) << run.output;
    // The cancelled fetch stopped early: far less than the 4 MiB passed the proxy.
    EXPECT_GT(proxy.bytes_down(), 0u);
    EXPECT_LT(proxy.bytes_down(), 3u * 1024 * 1024);
    const fs::path content = sync::space_paths(space.name).content;
    EXPECT_NE(read_file(content / "procedures" / "vpn-security.md").find("home address is the one"),
              std::string::npos);
}

// A record set aside: signed with `lectern sign`, the device's key revoked by an admin, then
// `lectern sync` set it aside. The app's "set-aside" scenario shows it and what to do.
TEST(Gui_SetAside, TheStatusBarCountsTheRecordAndTheListSaysWhatToDo) {
    const auto [space, wc] = published_sample("aside");
    const fs::path home = agent_home(space);
    ASSERT_EQ(lectern("sync " + quote(space.name) + " --no-lfs -q").exit_code, 0);
    const fs::path passphrase = home / "passphrase";
    write_file(passphrase, "correct horse battery staple\n");
    auto r = lectern("enroll --passphrase-fd 0 <" + quote(passphrase.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = lectern("sign vpn-security --space " + quote(space.name) + " --passphrase-fd 0 <" +
                quote(passphrase.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = TestServer::sh(quote(LECTERN_SERVER_BIN) + " --state " +
                       quote(TestServer::get().state_dir().string()) + " key revoke " +
                       quote(space.agent.user) + " laptop");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = lectern("sync " + quote(space.name) + " --no-lfs -q");
    ASSERT_NE(r.output.find("which the server revoked"), std::string::npos) << r.output;

    const auto run = run_app_on_space(home, "set-aside", space.name);
    EXPECT_EQ(run.exit_code, 0) << run.output;
}

// The app run under Xvfb with a scenario; no --space: what the settings say decides.
CommandResult run_app_without_space(const fs::path& home, const std::string& scenario,
                                    const std::string& environment) {
    return run_app(home, scenario, "sign-in", "", environment);
}

TEST(Gui_SignIn, FirstStartSignsInWithThePasswordSyncsTheSpaceAndOpensItNextTime) {
    const auto [space, wc] = published_sample("signin");
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
