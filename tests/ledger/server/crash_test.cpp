// kill -9 at random moments of `lectern sign` and `lectern sync`, over and over: after the
// next sync, every signature the command reported done is on the server exactly once.
//
// A trial is one run of the real `lectern` binary against the real server, killed with SIGKILL
// at a random moment of its work. Two lanes run at once on the same device, one signing and one
// syncing (as the desktop app may sync while the terminal signs), each starting its next process
// as soon as the last one ended, so signs and syncs overlap at every phase of each other. A
// moment is drawn between the end of the binary's start-up (measured with `lectern --version`:
// a kill while the loader runs tests nothing) and a little past the end of an undisturbed run,
// whose length each lane keeps measuring from the runs that ended by themselves (the machine's
// load changes while the test runs).
//
// Trials: LECTERN_CRASH_TRIALS, default 200 (the bar), about a minute on a loaded
// machine. The seed is printed and LECTERN_CRASH_SEED=N replays it: each lane draws from its own
// generator, so a replay draws the same sequence for each (their scale follows the measured run
// times). Each trial's kind, moment and outcome go to crash-trials.txt in the client's folder
// and are printed when the test fails.

#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <array>
#include <chrono>
#include <cstring>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "ledger/layout.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger_world.hpp"

extern char** environ;

namespace lectern::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The environment of the children: ours, with LeakSanitizer's exit scan off. A killed process
// never reaches it, and in one that ends it costs a tenth of a second of the trial's budget;
// the other tests run the same commands with it on.
std::vector<std::string> child_environment() {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "ASAN_OPTIONS=", 13) != 0) env.emplace_back(*e);
    const char* asan = std::getenv("ASAN_OPTIONS");
    env.push_back(std::string("ASAN_OPTIONS=") + (asan && *asan ? std::string(asan) + ":" : "") +
                  "detect_leaks=0");
    return env;
}

struct Child {
    pid_t pid = -1;
    Clock::time_point start;
    double kill_at = -1;  ///< seconds after start; negative: never
    fs::path output;
    bool ended = false;
    bool killed = false;  ///< the kill landed before the process ended by itself
    int exit_code = -1;
    double seconds = 0;
};

// Starts lectern with `args`, stdin from `input`, stdout and stderr to `output`.
Child spawn_lectern(const std::vector<std::string>& args, const fs::path& input,
                    const fs::path& output, double kill_at) {
    static const std::vector<std::string> env_strings = child_environment();
    std::vector<char*> envp;
    for (const auto& e : env_strings) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
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
    Child c;
    c.output = output;
    c.kill_at = kill_at;
    c.start = Clock::now();
    EXPECT_EQ(posix_spawn(&c.pid, argv[0], &actions, nullptr, argv.data(), envp.data()), 0);
    posix_spawn_file_actions_destroy(&actions);
    return c;
}

// Ends `c` if it ended by itself or its kill moment came; true when it is over.
bool poll(Child& c) {
    if (c.ended) return true;
    int status = 0;
    if (::waitpid(c.pid, &status, WNOHANG) == c.pid) {
        c.ended = true;
        c.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    } else if (c.kill_at >= 0 && seconds_since(c.start) >= c.kill_at) {
        ::kill(c.pid, SIGKILL);
        ::waitpid(c.pid, &status, 0);
        c.ended = true;
        // Ended by itself in the same instant: then it was not killed.
        c.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
        c.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    } else {
        return false;
    }
    c.seconds = seconds_since(c.start);
    return true;
}

Child run_whole(const std::vector<std::string>& args, const fs::path& input,
                const fs::path& output) {
    Child c = spawn_lectern(args, input, output, -1);
    while (!poll(c)) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return c;
}

int trials() {
    const char* text = std::getenv("LECTERN_CRASH_TRIALS");
    return text ? std::max(2, std::atoi(text)) : 200;
}

TEST(Ledger_Crash, KillNineDuringSignAndSyncLosesNoReportedSignature) {
    LedgerWorld w = make_ledger_world("crash");
    const fs::path passphrase_file = w.home / "passphrase";
    write_file(passphrase_file, std::string(kPassphrase) + "\n");
    const fs::path empty_input = w.home / "empty";
    write_file(empty_input, "");
    const fs::path sign_out = w.home / "sign.txt";
    const fs::path sync_out = w.home / "sync.txt";
    // In process at the minimum Argon2id cost (stored with the key, which `lectern sign`
    // reads from the key file): each sign then unlocks the key fast.
    enroll_in_process(w);

    const std::vector<std::string> sign = {"sign",       "screen-lock",     "--space",
                                           w.space.name, "--passphrase-fd", "0"};
    const std::vector<std::string> sync = {"sync", w.space.name, "--no-lfs", "-q"};
    const std::regex signed_line("signed screen-lock version [0-9a-f]+ record ([0-9a-f]{32})");
    std::set<std::string> reported;
    const auto note = [&](const Child& c) {
        const std::string text = read_file(c.output);
        std::smatch m;
        if (std::regex_search(text, m, signed_line)) reported.insert(m[1]);
    };
    // How long each takes when left alone, and how long the binary takes to start (warm).
    double start_up = 1e9;
    for (int i = 0; i < 3; ++i)
        start_up = std::min(start_up, run_whole({"--version"}, empty_input, sync_out).seconds);
    // A sign and a sync together, as in the storm (each slows the other), twice.
    double whole_sign = 0, whole_sync = 0;
    for (int i = 0; i < 2; ++i) {
        Child s = spawn_lectern(sign, passphrase_file, sign_out, -1);
        Child y = spawn_lectern(sync, empty_input, sync_out, -1);
        while (!poll(s) || !poll(y)) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ASSERT_EQ(s.exit_code, 0) << read_file(sign_out);
        ASSERT_EQ(y.exit_code, 0) << read_file(sync_out);
        note(s);
        whole_sign = std::max(whole_sign, s.seconds);
        whole_sync = std::max(whole_sync, y.seconds);
    }
    const unsigned seed = std::getenv("LECTERN_CRASH_SEED")
                              ? static_cast<unsigned>(std::atoll(std::getenv("LECTERN_CRASH_SEED")))
                              : std::random_device{}();
    std::cout << "[ crash ] seed " << seed << " (replay with LECTERN_CRASH_SEED=" << seed << ")"
              << std::endl;
    const double from = 0.8 * start_up;
    // Two lanes, one signing and one syncing, each starting its next process as soon as the
    // last one ended: signs and syncs overlap at every possible phase of each other.
    struct Lane {
        const char* kind;
        const std::vector<std::string>* args;
        fs::path input, output;
        double whole;
        std::mt19937 random;  ///< one per lane: a replay draws the same moments for each
        Child child;
        int trial = 0;
        int killed = 0;
    };
    std::array<Lane, 2> lanes = {
        Lane{"sign", &sign, passphrase_file, sign_out, whole_sign, std::mt19937(seed), {}, 0, 0},
        Lane{"sync", &sync, empty_input, sync_out, whole_sync, std::mt19937(seed + 1), {}, 0, 0}};
    std::ostringstream log;
    int started = 0;
    const auto start_next = [&](Lane& lane) {
        const double at = std::uniform_real_distribution<double>(
            from, std::max(from, 1.1 * lane.whole))(lane.random);
        lane.child = spawn_lectern(*lane.args, lane.input, lane.output, at);
        lane.trial = started++;
    };
    // Which sign overlaps which sync depends on timing; each lane's moments do not.
    for (auto& lane : lanes) start_next(lane);
    const auto storm_start = Clock::now();
    for (bool running = true; running;) {
        running = false;
        for (auto& lane : lanes) {
            if (lane.child.ended) continue;
            if (!poll(lane.child)) {
                running = true;
                continue;
            }
            if (lane.args == &sign) note(lane.child);
            lane.killed += lane.child.killed ? 1 : 0;
            // The machine's load changes: a run that ended by itself says how long one takes now.
            if (!lane.child.killed) lane.whole = 0.7 * lane.whole + 0.3 * lane.child.seconds;
            log << "trial " << lane.trial << ' ' << lane.kind << " kill at " << lane.child.kill_at
                << " s: "
                << (lane.child.killed ? "killed" : "ended " + std::to_string(lane.child.exit_code))
                << '\n';
            if (started < trials()) {
                start_next(lane);
                running = true;
            }
        }
        if (running) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    const int killed_signs = lanes[0].killed, killed_syncs = lanes[1].killed;
    const double storm = seconds_since(storm_start);
    write_file(w.home / "crash-trials.txt", log.str());
    // The next sync after the storm.
    Child final_sync;
    for (int attempt = 0; attempt < 3 && final_sync.exit_code != 0; ++attempt)
        final_sync = run_whole(sync, empty_input, sync_out);
    ASSERT_EQ(final_sync.exit_code, 0) << read_file(sync_out) << log.str();

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
    // Kills landed in both commands (the moments are drawn within their runs).
    EXPECT_GE(killed_signs, trials() / 10);
    EXPECT_GE(killed_syncs, trials() / 10);
    if (HasFailure()) std::cout << log.str();
    std::cout << "[ crash ] seed " << seed << ": " << trials() << " trials in " << storm
              << " s, kills landed in " << killed_signs << " signs and " << killed_syncs
              << " syncs, " << reported.size() << " signatures reported done, " << on_server.size()
              << " records on the server (start-up " << start_up << " s, whole sign " << whole_sign
              << " s, whole sync " << whole_sync << " s)\n";
}

}  // namespace
}  // namespace lectern::test
