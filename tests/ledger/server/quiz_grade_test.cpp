// A trainer grades an essay of a recorded quiz attempt with `lectern quiz grade`: the signed
// quiz-grade record goes up with `lectern sync`, the server checks it (the attempt it names
// exists and has an essay there; the grader is a trainer, supervisor or admin of the space),
// and a supervisor's `lectern quiz report` and `lectern xapi export` count the essay with its
// grade. A grade by an agent and a grade of an attempt that does not exist are refused.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "content/history.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/record.hpp"
#include "ledger/signing.hpp"
#include "ledger/signoff_status.hpp"
#include "ledger_fixture.hpp"
#include "ledger_world.hpp"
#include "quiz/grades.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

// Every answer of the fixture quiz right (seed 1, written order); the essay, question 7, waits.
constexpr const char* kAllRight = "1\n1 2\n2\nwindows\n15\n1 2\nIt protects data.\n";

// A space whose first agent took the screen-lock quiz (all right, the essay waiting) and synced.
struct GradeWorld {
    LedgerWorld w;
    ledger::Record attempt;  ///< the attempt's record, as the agent's machine holds it
};

GradeWorld make_grade_world(const std::string& hint) {
    GradeWorld g{make_ledger_world(hint), {}};
    LedgerWorld& w = g.w;
    const fs::path fixture = LECTERN_QUIZ_SPACE;
    const fs::path wc = trainer_clone(w.space);
    write_file(wc / "procedures/screen-lock.md", read_file(fixture / "procedures/screen-lock.md"));
    write_file(wc / "quizzes/screen-lock-quiz.gift",
               read_file(fixture / "quizzes/screen-lock-quiz.gift"));
    commit_and_push(w.space, wc, "Screen lock quiz");
    const std::string sync = "sync " + w.space.name + " --no-lfs -q";
    EXPECT_EQ(lectern(sync).exit_code, 0);
    enroll_in_process(w);
    const fs::path answers = w.home / "answers.txt", pass = w.home / "pass.txt";
    write_file(answers, kAllRight);
    write_file(pass, std::string(kPassphrase) + "\n");
    const auto r = lectern("quiz take screen-lock-quiz --space " + w.space.name +
                           " --seed 1 --answers-fd 3 --passphrase-fd 4 3<" +
                           quote(answers.string()) + " 4<" + quote(pass.string()) + " </dev/null");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(lectern(sync).exit_code, 0);
    const auto ledger = ledger::LocalLedger::open(w.ledger);
    for (const auto& stored : ledger::ledger_records(*ledger)) {
        if (stored.record.kind == ledger::kKindQuizAttempt) g.attempt = stored.record;
    }
    EXPECT_FALSE(g.attempt.id.empty());
    return g;
}

// The current client (enrolled) signs a grade of `attempt` in process and syncs: what a
// modified client could send, which the server must judge on its own.
ledger::LedgerSyncReport push_grade(LedgerWorld& w, const ledger::Record& attempt,
                                    const quiz::Grade& grade) {
    sync_content(w);
    const auto repo = content::ContentRepository::open(w.content);
    EXPECT_TRUE(repo);
    ledger::SigningSession session(quiz::grade_signing_request(
        quiz::graded_quiz(*repo, attempt), grade,
        *ledger::load_key(ledger::key_file(ledger::keys_dir(), w.config.user, w.config.device)),
        w.ledger));
    session.show_text();
    session.enter_passphrase(passphrase(kPassphrase));
    EXPECT_TRUE(session.unlock_key());
    session.build_record();
    session.sign();
    session.append();
    return ledger::push_records(sync_options(w));
}

quiz::Grade grade_of(const ledger::Record& attempt, std::size_t question = 6) {
    return {attempt.id, attempt.agent, question, 1000, "fine"};
}

TEST(Ledger_QuizGrade, ATrainersGradeIsAcceptedAndCountsInTheSupervisorsReport) {
    GradeWorld g = make_grade_world("grade");
    LedgerWorld& w = g.w;

    // The supervisor sees the attempt waiting for its grade.
    w.home = fresh_client_home();
    become(w, w.supervisor);
    const std::string sync = "sync " + w.space.name + " --no-lfs -q";
    ASSERT_EQ(lectern(sync).exit_code, 0);
    auto r = lectern("quiz report --by attempt --space " + w.space.name);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("1 attempt waits for an essay's grade"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(g.attempt.id + "," + w.space.agent.user + ",screen-lock-quiz,"),
              std::string::npos)
        << r.output;

    // The trainer, on a machine of their own, fetches the ledger and grades the essay.
    w.home = fresh_client_home();
    become(w, w.space.trainer);
    ASSERT_EQ(lectern(sync).exit_code, 0);
    // Quiz reports are the trainer's too: every agent's attempts, fetched now.
    r = lectern("quiz report --format json --space " + w.space.name + " 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto trainers = nlohmann::json::parse(r.output);
    ASSERT_EQ(trainers["agents"].size(), 1u) << r.output;
    EXPECT_EQ(trainers["agents"][0]["agent"], w.space.agent.user);
    enroll_in_process(w);
    const fs::path pass = w.home / "pass.txt";
    write_file(pass, std::string(kPassphrase) + "\n");
    r = lectern("quiz grade " + g.attempt.id + " --points 0.5 --comment 'Say why, not how.'" +
                " --space " + w.space.name + " --passphrase-fd 3 3<" + quote(pass.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("now scores 92.9% (passed"), std::string::npos) << r.output;
    r = lectern("sync " + w.space.name + " --no-lfs");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("1 record(s) sent, 1 receipt(s) received"), std::string::npos)
        << r.output;

    // The supervisor's report counts the essay: 6 right + half a point, of 7.
    become(w, w.supervisor);
    r = lectern("quiz report --format json --space " + w.space.name + " 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto report = nlohmann::json::parse(r.output);
    ASSERT_EQ(report["attempts"].size(), 1u) << r.output;
    const auto& attempt = report["attempts"][0];
    EXPECT_EQ(attempt["record_id"], g.attempt.id);
    EXPECT_EQ(attempt["score_percent"], 92.9);
    EXPECT_EQ(attempt["passed"], true);
    EXPECT_EQ(attempt["essays_to_grade"], 0);
    EXPECT_EQ(attempt["graded_by"], nlohmann::json::array({w.space.trainer.user}));
    EXPECT_EQ(report["quizzes"][0]["essays_to_grade"], 0);
    EXPECT_EQ(report["quizzes"][0]["mean_score_percent"], 92.9);
    r = lectern("quiz report --by attempt --space " + w.space.name);
    EXPECT_EQ(r.output.find("waits for an essay's grade"), std::string::npos) << r.output;

    // xAPI: the attempt's statement carries the graded score; the grade is no statement.
    const fs::path statements = w.home / "statements.json";
    r = lectern("xapi export --space " + w.space.name + " --out " + quote(statements.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto xapi = nlohmann::json::parse(read_file(statements));
    ASSERT_EQ(xapi.size(), 1u) << xapi.dump(1);
    EXPECT_EQ(xapi[0]["result"]["score"]["raw"], 92.9) << xapi[0].dump(1);
    EXPECT_EQ(xapi[0]["verb"]["display"]["en-US"], "passed");
}

TEST(Ledger_QuizGrade, AnAgentsGradeIsRefusedByTheServer) {
    GradeWorld g = make_grade_world("grade-agent");
    LedgerWorld& w = g.w;
    // The second agent cannot even read the attempt through the CLI...
    w.home = fresh_client_home();
    become(w, w.second_agent);
    ASSERT_EQ(lectern("sync " + w.space.name + " --no-lfs -q").exit_code, 0);
    enroll_in_process(w);
    const fs::path pass = w.home / "pass.txt";
    write_file(pass, std::string(kPassphrase) + "\n");
    auto r = lectern("quiz grade " + g.attempt.id + " --points 1 --space " + w.space.name +
                     " --passphrase-fd 3 3<" + quote(pass.string()));
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("no quiz attempt"), std::string::npos) << r.output;
    // ...and a grade record signed anyway is refused by the server.
    const auto report = push_grade(w, g.attempt, grade_of(g.attempt));
    EXPECT_FALSE(report.ok());
    EXPECT_NE(report.refusal.find("may not grade"), std::string::npos) << report.refusal;
}

TEST(Ledger_QuizGrade, AGradeOfAnAttemptThatIsNotThereOrOfNoEssayIsRefused) {
    GradeWorld g = make_grade_world("grade-missing");
    LedgerWorld& w = g.w;
    w.home = fresh_client_home();
    become(w, w.space.trainer, "desk-1");
    enroll_in_process(w);
    quiz::Grade missing = grade_of(g.attempt);
    missing.attempt_record = std::string(32, 'a');
    auto report = push_grade(w, g.attempt, missing);
    EXPECT_FALSE(report.ok());
    EXPECT_NE(report.refusal.find("no quiz attempt " + missing.attempt_record), std::string::npos)
        << report.refusal;

    become(w, w.space.trainer, "desk-2");
    enroll_in_process(w);
    report = push_grade(w, g.attempt, grade_of(g.attempt, 0));  // question 1 is multiple choice
    EXPECT_FALSE(report.ok());
    EXPECT_NE(report.refusal.find("not an essay"), std::string::npos) << report.refusal;
}

}  // namespace
}  // namespace lectern::test
