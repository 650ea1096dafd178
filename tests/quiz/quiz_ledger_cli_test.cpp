// Quizzes end to end with the real `lectern` binary: attempts signed into the ledger, attempt
// limits, a procedure gated by a quiz (sign refused, then allowed after a pass), reports and
// xAPI export. The content is a git repository made with stock git whose origin names a space
// of a server; no server is needed until sync.

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "ledger/keys.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/record.hpp"
#include "ledger/signoff_status.hpp"
#include "ledger_fixture.hpp"
#include "sync/client_config.hpp"

using namespace lectern;

namespace {

const char* kPassphrase = "correct horse battery";

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct CliRun {
    int code = -1;
    std::string out;
};

class QuizLedgerCli : public ::testing::Test {
  protected:
    void SetUp() override {
        setenv("XDG_CONFIG_HOME", (home_.path() / "config").c_str(), 1);
        setenv("XDG_DATA_HOME", (home_.path() / "data").c_str(), 1);
        sync::save_client_config({"http://127.0.0.1:9", "maria", "token", "laptop"});
        const auto key = test::sealed_key("maria", "laptop", kPassphrase);
        std::filesystem::create_directories(ledger::keys_dir());
        ledger::save_key(ledger::key_file(ledger::keys_dir(), "maria", "laptop"), key);
        const auto fixture = std::filesystem::path(LECTERN_QUIZ_SPACE);
        repo_.write("procedures/screen-lock.md", read_file(fixture / "procedures/screen-lock.md"));
        repo_.write("quizzes/screen-lock-quiz.gift",
                    read_file(fixture / "quizzes/screen-lock-quiz.gift"));
        repo_.commit("Screen lock and its quiz");
        test::shell("git remote add origin http://127.0.0.1:9/northwind/content.git", repo_.root());
        write("pass.txt", std::string(kPassphrase) + "\n");
    }

    void write(const std::string& name, const std::string& text) const {
        std::ofstream(home_.path() / name, std::ios::binary) << text;
    }

    // Runs lectern with `args`; answers (one per line) on fd 3 and the passphrase on fd 4.
    CliRun lectern(const std::string& args, const std::string& answers = "") const {
        write("answers.txt", answers);
        const std::string command = std::string("'") + LECTERN_CLI + "' " + args + " --space '" +
                                    repo_.root().string() + "' 3<'" +
                                    (home_.path() / "answers.txt").string() + "' 4<'" +
                                    (home_.path() / "pass.txt").string() + "' </dev/null 2>&1";
        CliRun r;
        FILE* pipe = ::popen(command.c_str(), "r");
        char buffer[4096];
        while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) r.out.append(buffer, n);
        const int status = ::pclose(pipe);
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return r;
    }

    CliRun take(const std::string& answers) const {
        return lectern("quiz take screen-lock-quiz --seed 1 --answers-fd 3 --passphrase-fd 4",
                       answers);
    }

    std::vector<ledger::StoredRecord> records() const {
        const auto ledger = ledger::LocalLedger::open(ledger::local_ledger_dir("northwind"));
        return ledger ? ledger::ledger_records(*ledger) : std::vector<ledger::StoredRecord>{};
    }

    static constexpr const char* kAllRight = "1\n1 2\n2\nwindows\n15\n1 2\nIt protects data.\n";
    static constexpr const char* kAllWrong = "2\n3\n1\nctrl\n20\n2 1\n\n";

    test::TempDir home_{"quiz-cli"};
    test::ContentRepo repo_;
};

}  // namespace

TEST_F(QuizLedgerCli, AttemptsAreSignedIntoTheLedgerWithTheQuizVersion) {
    const CliRun failed = take(kAllWrong);
    EXPECT_EQ(failed.code, 1) << failed.out;
    EXPECT_NE(failed.out.find("Recorded and signed: record"), std::string::npos) << failed.out;
    const auto stored = records();
    ASSERT_EQ(stored.size(), 1u);
    const ledger::Record& r = stored[0].record;
    EXPECT_EQ(r.kind, "quiz-attempt");
    EXPECT_EQ(r.agent, "maria");
    EXPECT_EQ(r.device, "laptop");
    EXPECT_EQ(r.space, "northwind");
    EXPECT_EQ(r.document_id, "screen-lock-quiz");
    EXPECT_EQ(r.path, "quizzes/screen-lock-quiz.gift");
    EXPECT_EQ(r.blob_id,
              test::shell("git rev-parse HEAD:quizzes/screen-lock-quiz.gift", repo_.root())
                  .substr(0, 40));
    EXPECT_TRUE(ledger::verify_signature(r));
    EXPECT_EQ(r.details["passed"], false);
    EXPECT_EQ(r.details["score_permille"], 0);
    EXPECT_EQ(r.details["seed"], "0000000000000001");
    EXPECT_EQ(r.details["questions"].size(), 7u);
    EXPECT_EQ(r.details["questions"][0]["answer"]["chosen"], nlohmann::json::array({1}));
    EXPECT_EQ(r.details["to_be_graded"], 1);  // an essay left empty still waits for a trainer
}

TEST_F(QuizLedgerCli, WrongPassphraseRecordsNothing) {
    write("pass.txt", "not it\n");
    const CliRun r = take(kAllRight);
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_NE(r.out.find("not recorded"), std::string::npos) << r.out;
    EXPECT_TRUE(records().empty());
}

TEST_F(QuizLedgerCli, GatedProcedureIsSignedOnlyAfterAPassedAttempt) {
    CliRun sign = lectern("sign screen-lock --passphrase-fd 4");
    EXPECT_EQ(sign.code, 2) << sign.out;
    EXPECT_NE(sign.out.find("can be signed only after passing the quiz screen-lock-quiz"),
              std::string::npos)
        << sign.out;

    EXPECT_EQ(take(kAllWrong).code, 1);
    sign = lectern("sign screen-lock --passphrase-fd 4");
    EXPECT_EQ(sign.code, 2) << "a failed attempt does not open the gate\n" << sign.out;

    const CliRun passed = take(kAllRight);
    EXPECT_EQ(passed.code, 0) << passed.out;
    sign = lectern("sign screen-lock --passphrase-fd 4");
    EXPECT_EQ(sign.code, 0) << sign.out;
    EXPECT_NE(sign.out.find("signed screen-lock"), std::string::npos) << sign.out;
    EXPECT_EQ(records().size(), 3u);
}

TEST_F(QuizLedgerCli, AttemptsAllowedCountRecordedAttemptsOnThisVersion) {
    EXPECT_EQ(take(kAllWrong).code, 1);
    EXPECT_EQ(take(kAllWrong).code, 1);
    const CliRun third = take(kAllRight);
    EXPECT_EQ(third.code, 2) << third.out;
    EXPECT_NE(third.out.find("all 2 attempts"), std::string::npos) << third.out;
    EXPECT_EQ(records().size(), 2u);
    // A new version of the quiz gives fresh attempts.
    repo_.write(
        "quizzes/screen-lock-quiz.gift",
        read_file(std::filesystem::path(LECTERN_QUIZ_SPACE) / "quizzes/screen-lock-quiz.gift") +
            "\n::Extra::Lock before lunch.{T}\n");
    repo_.commit("One more question");
    const CliRun fresh = take(std::string(kAllRight) + "1\n");
    EXPECT_EQ(fresh.code, 0) << fresh.out;
}

TEST_F(QuizLedgerCli, PracticeIsNotRecorded) {
    const CliRun r =
        lectern("quiz take screen-lock-quiz --seed 1 --answers-fd 3 --practice", kAllRight);
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("Practice: this attempt is not recorded"), std::string::npos);
    EXPECT_TRUE(records().empty());
}

TEST_F(QuizLedgerCli, ReportsPerQuizQuestionAndAgent) {
    take(kAllWrong);
    take(kAllRight);
    const CliRun json = lectern("quiz report --format json --offline");
    ASSERT_EQ(json.code, 0) << json.out;
    // Both essays wait for a trainer: said on stderr (which this run merges), before the JSON.
    EXPECT_NE(json.out.find("2 attempts wait for an essay's grade"), std::string::npos) << json.out;
    const auto j = nlohmann::json::parse(json.out.substr(json.out.find('{')));
    ASSERT_EQ(j["quizzes"].size(), 1u);
    EXPECT_EQ(j["quizzes"][0]["attempts"], 2);
    EXPECT_EQ(j["quizzes"][0]["agents_passed"], 1);
    EXPECT_EQ(j["agents"][0]["agent"], "maria");
    EXPECT_EQ(j["agents"][0]["best_score_percent"], 100.0);
    EXPECT_EQ(j["questions"][0]["missed"], 1);
    const CliRun csv = lectern("quiz report --by question --offline");
    EXPECT_EQ(csv.code, 0);
    EXPECT_NE(csv.out.find("\nquiz,question,asked,missed,miss_rate_percent\r\n"), std::string::npos)
        << csv.out;
    EXPECT_NE(csv.out.find("screen-lock-quiz,Keys,2,1,50.0"), std::string::npos) << csv.out;
}

TEST_F(QuizLedgerCli, XapiExportHasOneStatementPerRecord) {
    take(kAllWrong);
    take(kAllRight);
    ASSERT_EQ(lectern("sign screen-lock --passphrase-fd 4").code, 0);
    const auto out = home_.path() / "statements.json";
    const CliRun r = lectern("xapi export --out '" + out.string() + "'");
    ASSERT_EQ(r.code, 0) << r.out;
    const auto j = nlohmann::json::parse(read_file(out));
    ASSERT_EQ(j.size(), 3u);
    std::multiset<std::string> verbs;
    for (const auto& s : j) {
        verbs.insert(s["verb"]["display"]["en-US"].get<std::string>());
        EXPECT_EQ(s["actor"]["account"]["homePage"], "http://127.0.0.1:9");
        EXPECT_EQ(s["actor"]["account"]["name"], "maria");
    }
    EXPECT_EQ(verbs, (std::multiset<std::string>{"experienced", "failed", "passed"}));
}
