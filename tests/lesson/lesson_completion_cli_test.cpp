// Lesson completion end to end with the real `lectern` binary: a lesson imported from an
// ffmpeg-made recording into a git space of a server, its steps read with `lectern lesson view`
// (recorded as viewed), and `lectern lesson complete` signing a lesson-completion record into
// the real local ledger only when the recorded viewing meets the rule.

#include <sys/wait.h>

#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

#include "common/diagnostic.hpp"
#include "content/space.hpp"
#include "ledger/keys.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/signoff_status.hpp"
#include "ledger_fixture.hpp"
#include "lesson/completion_records.hpp"
#include "lesson/viewing_store.hpp"
#include "sync/client_config.hpp"

using namespace lectern;

namespace {

const char* kPassphrase = "correct horse battery";

struct CliRun {
    int code = -1;
    std::string out;
};

class LessonCompletionCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        // Three pages: the opening screen, a panel at 2 s, a second panel at 4 s.
        video_ = new test::TempDir("lesson-video");
        const auto file = video_->path() / "refund.mp4";
        const std::string command =
            "ffmpeg -hide_banner -loglevel error -y -f lavfi -i "
            "color=c=0xf4f4f4:s=320x240:r=10:d=6 "
            "-vf \"drawbox=x=30:y=30:w=220:h=140:c=0x3060a0:t=fill:enable='gte(t,2)',"
            "drawbox=x=60:y=90:w=200:h=120:c=0xa04030:t=fill:enable='gte(t,4)'\" "
            "-c:v libx264 -pix_fmt yuv420p '" +
            file.string() + "'";
        ASSERT_EQ(std::system(command.c_str()), 0) << command;
    }
    static void TearDownTestSuite() {
        delete video_;
        video_ = nullptr;
    }

    void SetUp() override {
        write("pass.txt", std::string(kPassphrase) + "\n");
        setenv("XDG_CONFIG_HOME", (home_.path() / "config").c_str(), 1);
        setenv("XDG_DATA_HOME", (home_.path() / "data").c_str(), 1);
        sync::save_client_config({"http://127.0.0.1:9", "maria", "token", "laptop"});
        const auto key = test::sealed_key("maria", "laptop", kPassphrase);
        std::filesystem::create_directories(ledger::keys_dir());
        ledger::save_key(ledger::key_file(ledger::keys_dir(), "maria", "laptop"), key);
        test::shell("git remote add origin http://127.0.0.1:9/northwind/content.git", repo_.root());
        const CliRun imported =
            lectern("lesson import '" + (video_->path() / "refund.mp4").string() +
                    "' --into lessons/refund --title Refunds");
        ASSERT_EQ(imported.code, 0) << imported.out;
        repo_.commit("Refund lesson");
    }

    void write(const std::string& name, const std::string& text) const {
        std::ofstream(home_.path() / name, std::ios::binary) << text;
    }

    // Runs lectern with `args` in the space; the passphrase on fd 4.
    CliRun lectern(const std::string& args) const {
        const std::string command = std::string("'") + LECTERN_CLI + "' " + args + " --space '" +
                                    repo_.root().string() + "' 4<'" +
                                    (home_.path() / "pass.txt").string() + "' </dev/null 2>&1";
        CliRun r;
        FILE* pipe = ::popen(command.c_str(), "r");
        char buffer[4096];
        while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) r.out.append(buffer, n);
        const int status = ::pclose(pipe);
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return r;
    }

    std::vector<ledger::StoredRecord> records() const {
        const auto ledger = ledger::LocalLedger::open(ledger::local_ledger_dir("northwind"));
        return ledger ? ledger::ledger_records(*ledger) : std::vector<ledger::StoredRecord>{};
    }

    lesson::LessonOutline outline() const {
        Diagnostics problems;
        const auto space = content::Space::load(repo_.root(), problems);
        return lesson::lesson_outline(*space.find_by_id("refund"));
    }

    static inline test::TempDir* video_ = nullptr;
    test::TempDir home_{"lesson-cli"};
    test::ContentRepo repo_;
};

}  // namespace

TEST_F(LessonCompletionCli, EveryStepViewedSignsACompletionRecord) {
    const lesson::LessonOutline o = outline();
    ASSERT_GE(o.steps, 3u) << "the planted page changes are steps";

    CliRun r = lectern("lesson complete refund --passphrase-fd 4");
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("not completed yet: watched 0%"), std::string::npos) << r.out;
    EXPECT_TRUE(records().empty());

    for (std::size_t step = 1; step < o.steps; ++step) {
        r = lectern("lesson view refund --step " + std::to_string(step));
        ASSERT_EQ(r.code, 0) << r.out;
        EXPECT_NE(r.out.find("Key frame: "), std::string::npos) << r.out;
    }
    r = lectern("lesson complete refund --passphrase-fd 4");
    EXPECT_EQ(r.code, 1) << "one step is left\n" << r.out;
    EXPECT_NE(r.out.find("step " + std::to_string(o.steps) + " of " + std::to_string(o.steps) +
                         " not viewed"),
              std::string::npos)
        << r.out;
    r = lectern("lesson view refund");
    EXPECT_NE(r.out.find("[ ] " + std::to_string(o.steps) + "."), std::string::npos) << r.out;

    r = lectern("lesson view refund --step " + std::to_string(o.steps));
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("Every step viewed"), std::string::npos) << r.out;
    r = lectern("lesson complete refund --passphrase-fd 4");
    ASSERT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("Completed and signed: record"), std::string::npos) << r.out;

    const auto stored = records();
    ASSERT_EQ(stored.size(), 1u);
    const ledger::Record& rec = stored[0].record;
    EXPECT_EQ(rec.kind, "lesson-completion");
    EXPECT_EQ(rec.agent, "maria");
    EXPECT_EQ(rec.space, "northwind");
    EXPECT_EQ(rec.document_id, "refund");
    EXPECT_EQ(rec.path, "lessons/refund/lesson.md");
    EXPECT_EQ(rec.blob_id, o.version);
    EXPECT_TRUE(ledger::verify_signature(rec));
    EXPECT_EQ(rec.details["completed_by"], "storyboard");
    EXPECT_EQ(rec.details["steps_viewed"], o.steps);
    // What an onboarding path counts.
    const auto done = lesson::completed_lessons(stored, "northwind", "maria");
    ASSERT_EQ(done.count("refund"), 1u);
    EXPECT_TRUE(lesson::completed_lessons(stored, "northwind", "olaf").empty());

    r = lectern("lesson complete refund --passphrase-fd 4");
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("completed already"), std::string::npos) << r.out;
    EXPECT_EQ(records().size(), 1u);
}

TEST_F(LessonCompletionCli, NinetyPercentPlayedCountsButNotOnAnotherVersion) {
    const lesson::LessonOutline o = outline();
    const auto file = lesson::viewing_file("northwind", "refund");
    lesson::ViewingProgress p;
    p.duration = o.duration;
    p.step_count = o.steps;
    // What the app's player records: stretches played, one replayed; 85% in all.
    p.played = {{0, 0.5 * o.duration},
                {0.2 * o.duration, 0.4 * o.duration},
                {0.5 * o.duration, 0.85 * o.duration}};
    lesson::save_viewing(file, o.version, p);
    CliRun r = lectern("lesson complete refund --passphrase-fd 4");
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("watched 85%"), std::string::npos) << r.out;

    // Progress recorded on an older version of the lesson counts for nothing.
    p.played.push_back({0.85 * o.duration, o.duration});
    lesson::save_viewing(file, "0000000000000000000000000000000000000000", p);
    r = lectern("lesson complete refund --passphrase-fd 4");
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("watched 0%"), std::string::npos) << r.out;

    lesson::save_viewing(file, o.version, p);
    r = lectern("lesson complete refund --passphrase-fd 4");
    ASSERT_EQ(r.code, 0) << r.out;
    const auto stored = records();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].record.details["completed_by"], "video");
    EXPECT_EQ(stored[0].record.details["watched_percent"], 100);
}

TEST_F(LessonCompletionCli, WrongPassphraseRecordsNothing) {
    const lesson::LessonOutline o = outline();
    for (std::size_t step = 1; step <= o.steps; ++step)
        ASSERT_EQ(lectern("lesson view refund --step " + std::to_string(step)).code, 0);
    write("pass.txt", "not it\n");
    const CliRun r = lectern("lesson complete refund --passphrase-fd 4");
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_NE(r.out.find("not recorded"), std::string::npos) << r.out;
    EXPECT_TRUE(records().empty());
}

TEST(LessonViewing, SpansAreMergedAndADamagedFileStartsAgain) {
    const auto merged = lesson::merged_spans({{5, 8}, {0, 2}, {1, 3}, {8.2, 9}, {4, 3}});
    ASSERT_EQ(merged.size(), 2u);
    EXPECT_EQ(merged[0], (std::pair<double, double>{0, 3}));
    EXPECT_EQ(merged[1], (std::pair<double, double>{5, 9}));
    test::TempDir dir("viewing");
    const auto file = dir.path() / "x.json";
    std::ofstream(file) << "{not json";
    const auto p = lesson::load_viewing(file, "v1", 60, 4);
    EXPECT_TRUE(p.played.empty());
    EXPECT_EQ(p.step_count, 4u);
    EXPECT_THROW(lesson::viewing_file("northwind", "../x"), Error);
}
