// Reports on recorded attempts: per quiz, per question (most missed first), per agent.

#include <algorithm>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "quiz/report.hpp"

using namespace lectern::quiz;

namespace {

RecordedAttempt attempt(const std::string& agent, const std::string& quiz, int score, bool passed,
                        std::vector<std::pair<std::string, int>> credits,
                        const std::string& at = "2026-11-23T10:00:00Z") {
    RecordedAttempt r;
    r.agent = agent;
    r.signed_at = at;
    r.quiz_title = "Title of " + quiz;
    r.attempt.quiz_id = quiz;
    r.attempt.score_permille = score;
    r.attempt.passed = passed;
    for (const auto& [key, credit] : credits) {
        AnsweredQuestion q;
        q.key = key;
        q.kind = QuestionKind::MultipleChoice;
        q.answered = true;
        q.credit_permille = credit;
        r.attempt.questions.push_back(q);
    }
    return r;
}

std::vector<RecordedAttempt> sample() {
    return {
        attempt("maria", "gdpr", 500, false, {{"Q1", 1000}, {"Q2", 0}}, "2026-11-20T10:00:00Z"),
        attempt("maria", "gdpr", 1000, true, {{"Q1", 1000}, {"Q2", 1000}}, "2026-11-21T10:00:00Z"),
        attempt("jonas", "gdpr", 500, false, {{"Q1", 1000}, {"Q2", 500}}),
        attempt("jonas", "vpn", 0, false, {{"V1", 0}})};
}

}  // namespace

TEST(QuizReport, PerQuizCountsAttemptsAgentsAndPasses) {
    const QuizReport r = build_quiz_report(sample());
    ASSERT_EQ(r.quizzes.size(), 2u);
    const QuizRow& gdpr = r.quizzes[0];
    EXPECT_EQ(gdpr.quiz_id, "gdpr");
    EXPECT_EQ(gdpr.attempts, 3u);
    EXPECT_EQ(gdpr.passed_attempts, 1u);
    EXPECT_EQ(gdpr.agents, 2u);
    EXPECT_EQ(gdpr.agents_passed, 1u);
    EXPECT_EQ(gdpr.mean_score_permille, 667);
}

TEST(QuizReport, PerQuestionMostMissedFirst) {
    const QuizReport r = build_quiz_report(sample());
    ASSERT_EQ(r.questions.size(), 3u);
    EXPECT_EQ(r.questions[0].question, "V1");
    EXPECT_EQ(r.questions[0].miss_rate_permille, 1000);
    EXPECT_EQ(r.questions[1].question, "Q2");
    EXPECT_EQ(r.questions[1].missed, 2u);
    EXPECT_EQ(r.questions[1].asked, 3u);
    EXPECT_EQ(r.questions[2].question, "Q1");
    EXPECT_EQ(r.questions[2].missed, 0u);
}

TEST(QuizReport, PerAgentBestScoreAndLastAttempt) {
    const QuizReport r = build_quiz_report(sample());
    ASSERT_EQ(r.agents.size(), 3u);
    EXPECT_EQ(r.agents[0].agent, "jonas");
    const AgentRow& maria = r.agents[2];
    EXPECT_EQ(maria.agent, "maria");
    EXPECT_EQ(maria.attempts, 2u);
    EXPECT_EQ(maria.best_score_permille, 1000);
    EXPECT_TRUE(maria.passed);
    EXPECT_EQ(maria.last_attempt_at, "2026-11-21T10:00:00Z");
}

TEST(QuizReport, CsvQuotesFieldsAndUsesCrlf) {
    auto attempts = sample();
    attempts[0].quiz_title = "GDPR, \"basics\"";
    const std::string csv = report_csv(build_quiz_report(attempts), ReportTable::Quizzes);
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
              "quiz,title,attempts,passed_attempts,agents,agents_passed,mean_score_percent,"
              "essays_to_grade");
    EXPECT_NE(csv.find("gdpr,Title of gdpr,3,1,2,1,66.7,0\r\n"), std::string::npos) << csv;
    attempts = sample();
    for (auto& a : attempts) a.quiz_title = "GDPR, \"basics\"";
    const std::string quoted = report_csv(build_quiz_report(attempts), ReportTable::Quizzes);
    EXPECT_NE(quoted.find("gdpr,\"GDPR, \"\"basics\"\"\",3"), std::string::npos) << quoted;
}

TEST(QuizReport, JsonHasEveryTable) {
    const auto j = report_json(build_quiz_report(sample()));
    EXPECT_EQ(j["quizzes"].size(), 2u);
    EXPECT_EQ(j["questions"][0]["question"], "V1");
    EXPECT_EQ(j["agents"][2]["best_score_percent"], 100.0);
}

TEST(QuizReport, PrintedLinesHoldTheThreeTablesInAlignedColumns) {
    const QuizReport r = build_quiz_report(sample());
    const auto lines = report_lines(r, {"northwind", "space", "2026-11-23T12:00:00Z", ""});
    ASSERT_GE(lines.size(), 14u);
    EXPECT_EQ(lines[0], "Quiz report: space northwind (space)");
    const auto at = [&](const std::string& heading) {
        return std::find(lines.begin(), lines.end(), heading) - lines.begin();
    };
    const auto quizzes = at("BY QUIZ"), questions = at("MOST MISSED QUESTIONS"),
               agents = at("BY AGENT");
    ASSERT_LT(quizzes, questions);
    ASSERT_LT(questions, agents);
    ASSERT_LT(agents, static_cast<long>(lines.size()));
    // Header, then the rows in the report's order; a column starts at the same place in each.
    EXPECT_EQ(lines[questions + 2].find("V1"), lines[questions + 1].find("question"));
    EXPECT_NE(lines[questions + 2].find("100.0 %"), std::string::npos) << lines[questions + 2];
    EXPECT_EQ(lines[agents + 4].find("maria"), 2u);
    EXPECT_NE(lines[agents + 4].find("yes"), std::string::npos);
    EXPECT_EQ(
        report_pdf(r, {"northwind", "space", "2026-11-23T12:00:00Z", ""}).rfind("%PDF-1.4", 0), 0u);
}
