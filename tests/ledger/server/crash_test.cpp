// kill -9 at random moments of `lectern sign` and `lectern sync`, over and over: after the
// next sync, every signature the command reported done is on the server exactly once.
//
// Trials: LECTERN_CRASH_TRIALS, default 12 so the test command stays short; the soak run of
// docs/ledger.md sets 200. The random seed is printed and is replayed with LECTERN_CRASH_SEED.

#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <random>
#include <regex>
#include <set>
#include <thread>

#include "ledger/layout.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger_world.hpp"

extern char** environ;

namespace lectern::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct ProcessRun {
    bool exited = false;  ///< ended by itself before the kill
    int exit_code = -1;
    std::string output;
    double seconds = 0;
};

// Starts lectern with `args`, stdin from `input`, stdout+stderr to a file; kills it with
// SIGKILL after `kill_after` seconds unless it ended (negative: never).
ProcessRun run_lectern(const std::vector<std::string>& args, const fs::path& input,
                       const fs::path& output, double kill_after) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, input.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::vector<std::string> all = {LECTERN_CLI_BIN};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const auto start = Clock::now();
    EXPECT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    ProcessRun run;
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        if (done == pid) {
            run.exited = WIFEXITED(status);
            run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            run.seconds = elapsed;
            break;
        }
        if (kill_after >= 0 && elapsed >= kill_after) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            run.seconds = elapsed;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    run.output = read_file(output);
    return run;
}

int trials() {
    const char* text = std::getenv("LECTERN_CRASH_TRIALS");
    return text ? std::max(1, std::atoi(text)) : 12;
}

TEST(Ledger_Crash, KillNineDuringSignAndSyncLosesNoReportedSignature) {
    LedgerWorld w = make_ledger_world("crash");
    const fs::path passphrase_file = w.home / "passphrase";
    write_file(passphrase_file, std::string(kPassphrase) + "\n");
    const fs::path out = w.home / "out.txt";
    // In process at the minimum Argon2id cost: each `lectern sign` then unlocks the key fast.
    enroll_in_process(w);

    const std::vector<std::string> sign = {"sign",       "screen-lock",     "--space",
                                           w.space.name, "--passphrase-fd", "0"};
    const std::vector<std::string> sync = {"sync", w.space.name, "--no-lfs", "-q"};
    const std::regex signed_line("signed screen-lock version [0-9a-f]+ record ([0-9a-f]{32})");
    std::set<std::string> reported;
    const auto note = [&](const ProcessRun& r) {
        std::smatch m;
        if (std::regex_search(r.output, m, signed_line)) reported.insert(m[1]);
    };
    // How long each takes when left alone: kills land anywhere from the start to the end.
    const ProcessRun whole_sign = run_lectern(sign, passphrase_file, out, -1);
    ASSERT_EQ(whole_sign.exit_code, 0) << whole_sign.output;
    note(whole_sign);
    const ProcessRun whole_sync = run_lectern(sync, passphrase_file, out, -1);
    ASSERT_EQ(whole_sync.exit_code, 0) << whole_sync.output;

    const unsigned seed = std::getenv("LECTERN_CRASH_SEED")
                              ? static_cast<unsigned>(std::atoi(std::getenv("LECTERN_CRASH_SEED")))
                              : std::random_device{}();
    std::mt19937 random(seed);
    int killed = 0;
    for (int i = 0; i < trials(); ++i) {
        const bool signing = random() % 2 == 0;
        const double span = 1.2 * (signing ? whole_sign.seconds : whole_sync.seconds);
        const double at = std::uniform_real_distribution<double>(0, span)(random);
        const ProcessRun r = run_lectern(signing ? sign : sync, passphrase_file, out, at);
        killed += r.exited ? 0 : 1;
        if (signing) note(r);
    }
    // The next sync after the storm.
    ProcessRun final_sync;
    for (int attempt = 0; attempt < 3 && final_sync.exit_code != 0; ++attempt)
        final_sync = run_lectern(sync, passphrase_file, out, -1);
    ASSERT_EQ(final_sync.exit_code, 0) << final_sync.output;

    const auto on_server = server_records(w);
    for (const auto& id : reported) {
        EXPECT_EQ(on_server.count(id) ? on_server.at(id) : 0, 1) << "record " << id;
        EXPECT_EQ(server_receipts(w, id), 1) << "record " << id;
    }
    for (const auto& [id, copies] : on_server) EXPECT_EQ(copies, 1) << "record " << id;
    // What the device holds is whole: every record parses, each reported one is there.
    const auto local = ledger::LocalLedger::open(w.ledger)->records_on(
        ledger::agent_branch(w.config.user, w.config.device));
    std::set<std::string> local_ids;
    for (const auto& r : local) local_ids.insert(r.record.id);
    for (const auto& id : reported) EXPECT_TRUE(local_ids.count(id)) << id;
    EXPECT_EQ(local_ids.size(), on_server.size());
    std::cout << "[ crash ] seed " << seed << ": " << trials() << " trials, " << killed
              << " killed, " << reported.size() << " signatures reported done, " << on_server.size()
              << " records on the server (sign " << whole_sign.seconds << " s, sync "
              << whole_sync.seconds << " s)\n";
}

}  // namespace
}  // namespace lectern::test
