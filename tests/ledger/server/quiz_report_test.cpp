// Quiz attempts reach the server and the reports: two agents take a quiz with `lectern quiz
// take`, `lectern sync` pushes the signed attempts, and a supervisor on another machine gets
// them per quiz, per question and per agent from `lectern quiz report` (which fetches the
// space's ledger) and in `lectern xapi export`. An auditor sees only the spaces they audit.

#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "ledger/space_ledger.hpp"
#include "ledger_world.hpp"
#include "sync/http_client.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

// One line per question of the fixture quiz (seed 1, written order): every answer right, and
// only the first and fourth right.
constexpr const char* kAllRight = "1\n1 2\n2\nwindows\n15\n1 2\nIt protects data.\n";
constexpr const char* kTwoRight = "1\n3\n1\nwindows\n20\n2 1\n\n";

CommandResult take_quiz(const LedgerWorld& w, const std::string& answers) {
    const fs::path answers_file = w.home / "answers.txt", pass = w.home / "pass.txt";
    write_file(answers_file, answers);
    write_file(pass, std::string(kPassphrase) + "\n");
    return lectern("quiz take screen-lock-quiz --space " + w.space.name +
                   " --seed 1 --answers-fd 3 --passphrase-fd 4 3<" + quote(answers_file.string()) +
                   " 4<" + quote(pass.string()) + " </dev/null");
}

int status_of(const Account& who, const std::string& path) {
    sync::http::Request request;
    request.url = TestServer::get().url() + path;
    request.basic = sync::Credentials{who.user, who.token};
    return sync::http::send(request).status;
}

TEST(Ledger_Quiz, AttemptsReachTheServerAndTheSupervisorsReports) {
    LedgerWorld w = make_ledger_world("quiz");
    const fs::path fixture = LECTERN_QUIZ_SPACE;
    const fs::path wc = trainer_clone(w.space);
    write_file(wc / "procedures/screen-lock.md", read_file(fixture / "procedures/screen-lock.md"));
    write_file(wc / "quizzes/screen-lock-quiz.gift",
               read_file(fixture / "quizzes/screen-lock-quiz.gift"));
    commit_and_push(w.space, wc, "Screen lock quiz");

    const std::string sync = "sync " + w.space.name + " --no-lfs -q";
    auto r = lectern(sync);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    enroll_in_process(w);
    r = take_quiz(w, kAllRight);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("Recorded and signed"), std::string::npos) << r.output;
    r = lectern(sync);
    ASSERT_EQ(r.exit_code, 0) << r.output;

    // The second agent on a machine of their own.
    w.home = fresh_client_home();
    become(w, w.second_agent);
    ASSERT_EQ(lectern(sync).exit_code, 0);
    enroll_in_process(w);
    r = take_quiz(w, kTwoRight);
    EXPECT_EQ(r.exit_code, 1) << r.output;  // failed, and recorded
    r = lectern("sync " + w.space.name + " --no-lfs");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("1 record(s) sent, 1 receipt(s) received"), std::string::npos)
        << r.output;

    // The supervisor's machine has never seen a record: the report fetches them.
    w.home = fresh_client_home();
    become(w, w.supervisor);
    ASSERT_EQ(lectern(sync).exit_code, 0);
    r = lectern("quiz report --format json --space " + w.space.name + " 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto report = nlohmann::json::parse(r.output);
    ASSERT_EQ(report["quizzes"].size(), 1u) << r.output;
    EXPECT_EQ(report["quizzes"][0]["attempts"], 2);
    EXPECT_EQ(report["quizzes"][0]["agents"], 2);
    EXPECT_EQ(report["quizzes"][0]["agents_passed"], 1);
    ASSERT_EQ(report["agents"].size(), 2u);
    EXPECT_EQ(report["agents"][0]["agent"], w.space.agent.user);
    EXPECT_EQ(report["agents"][0]["passed"], true);
    EXPECT_EQ(report["agents"][1]["agent"], w.second_agent.user);
    EXPECT_EQ(report["agents"][1]["passed"], false);
    // Most missed first: questions the second agent got wrong, none the first question.
    ASSERT_FALSE(report["questions"].empty());
    EXPECT_EQ(report["questions"][0]["missed"], 1);
    for (const auto& q : report["questions"]) {
        EXPECT_EQ(q["asked"], 2);
        if (q["question"] == "Keys") {
            EXPECT_EQ(q["missed"], 0);
        }
    }
    r = lectern("quiz report --by agent --space " + w.space.name + " 2>/dev/null");
    EXPECT_NE(r.output.find(w.second_agent.user + ",screen-lock-quiz,1,"), std::string::npos)
        << r.output;

    // Printed: the three tables with both agents.
    const fs::path pdf = w.home / "quizzes.pdf";
    r = lectern("quiz report --format pdf --out " + quote(pdf.string()) + " --space " +
                w.space.name);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = TestServer::sh("pdftotext -layout " + quote(pdf.string()) + " -");
    EXPECT_NE(r.output.find("MOST MISSED QUESTIONS"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(w.second_agent.user), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("(space)"), std::string::npos) << r.output;

    // The xAPI export covers the fetched records: one statement per attempt.
    const fs::path statements = w.home / "statements.json";
    r = lectern("xapi export --space " + w.space.name + " --out " + quote(statements.string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto xapi = nlohmann::json::parse(read_file(statements));
    ASSERT_EQ(xapi.size(), 2u) << xapi.dump(1);
    std::set<std::string> actors, verbs;
    for (const auto& s : xapi) {
        actors.insert(s["actor"]["account"]["name"].get<std::string>());
        verbs.insert(s["verb"]["display"]["en-US"].get<std::string>());
    }
    EXPECT_EQ(actors, (std::set<std::string>{w.space.agent.user, w.second_agent.user}));
    EXPECT_EQ(verbs, (std::set<std::string>{"passed", "failed"}));

    // An agent's report holds only their own attempts, and asking for another's is refused.
    become(w, w.second_agent);
    r = lectern("quiz report --format json --space " + w.space.name + " 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto own = nlohmann::json::parse(r.output);
    ASSERT_EQ(own["agents"].size(), 1u) << r.output;
    EXPECT_EQ(own["agents"][0]["agent"], w.second_agent.user);
    r = lectern("quiz report --space " + w.space.name + " --agent " + w.space.agent.user);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("only your own records"), std::string::npos) << r.output;

    // An auditor of this space sees its attempts; one of another space gets nothing of it.
    const Account auditor = add_member(w.space, "auditor", server::Role::Auditor);
    become(w, auditor);
    r = lectern("quiz report --format json --space " + w.space.name + " 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(nlohmann::json::parse(r.output)["quizzes"][0]["attempts"], 2) << r.output;
    const TestSpace other = create_space("quiz-other");
    const Account outside = add_member(other, "auditor", server::Role::Auditor);
    // Not even told the space exists.
    EXPECT_EQ(status_of(outside, "/api/v1/spaces/" + w.space.name + "/receipts"), 404);
    EXPECT_EQ(status_of(outside, "/api/v1/spaces/" + w.space.name + "/log-head"), 404);
    EXPECT_EQ(status_of(auditor, "/api/v1/spaces/" + w.space.name + "/receipts"), 200);
    const auto seen = ledger::read_space_ledger(
        {w.space.name, w.ledger, TestServer::get().url(), {outside.user, outside.token}});
    EXPECT_TRUE(seen.own_only());
    EXPECT_TRUE(seen.records.empty()) << "the local clone holds the space's records, yet the "
                                         "other space's auditor is shown none of them";
    EXPECT_TRUE(seen.receipts.empty());
    become(w, outside);
    r = lectern("quiz report --format json --space " + w.space.name + " 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(nlohmann::json::parse(r.output)["quizzes"].empty()) << r.output;
}

// The sample content's two quizzes (drawn and shuffled, so the answers are left empty: each
// attempt fails and is recorded all the same) reach the server and a supervisor's report.
TEST(Ledger_Quiz, SampleQuizzesTakenInTheTerminalReachTheSupervisorsReport) {
    LedgerWorld w = make_ledger_world("quiz-sample");
    const fs::path wc = trainer_clone(w.space);
    auto r = TestServer::sh(
        "git rm -rq . && cp -R " + quote(fs::path(LECTERN_SAMPLE_CONTENT).string()) + "/. .", wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    commit_and_push(w.space, wc, "The sample content");
    const std::string sync = "sync " + w.space.name + " --no-lfs -q";
    r = lectern(sync);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    enroll_in_process(w);
    const fs::path empty = w.home / "empty.txt", pass = w.home / "pass.txt";
    write_file(empty, std::string(12, '\n'));
    write_file(pass, std::string(kPassphrase) + "\n");
    for (const char* quiz : {"gdpr-basics", "security-basics"}) {
        r = lectern(std::string("quiz take ") + quiz + " --space " + w.space.name +
                    " --seed 3 --answers-fd 3 --passphrase-fd 4 3<" + quote(empty.string()) +
                    " 4<" + quote(pass.string()) + " </dev/null");
        EXPECT_EQ(r.exit_code, 1) << r.output;
        EXPECT_NE(r.output.find("Recorded and signed"), std::string::npos) << r.output;
    }
    r = lectern("sync " + w.space.name + " --no-lfs");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("2 record(s) sent, 2 receipt(s) received"), std::string::npos)
        << r.output;

    w.home = fresh_client_home();
    become(w, w.supervisor);
    ASSERT_EQ(lectern(sync).exit_code, 0);
    r = lectern("quiz report --format json --space " + w.space.name + " 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto report = nlohmann::json::parse(r.output);
    ASSERT_EQ(report["quizzes"].size(), 2u) << r.output;
    for (const auto& q : report["quizzes"]) {
        EXPECT_EQ(q["attempts"], 1) << q;
        EXPECT_EQ(q["agents_passed"], 0) << q;
    }
    EXPECT_EQ(report["questions"].size(), 20u) << r.output;  // ten drawn from each bank
    for (const auto& q : report["questions"]) EXPECT_EQ(q["missed"], 1) << q;
    ASSERT_EQ(report["agents"].size(), 2u);
    EXPECT_EQ(report["agents"][0]["agent"], w.space.agent.user);
}

}  // namespace
}  // namespace lectern::test
