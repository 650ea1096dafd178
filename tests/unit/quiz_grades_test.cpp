// Trainers' grades of essays: the record's details, which essay a grade may name, and attempts
// with their grades applied, as reports and xAPI read them.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "ledger/record.hpp"
#include "quiz/grades.hpp"
#include "xapi/ledger_statements.hpp"
#include "xapi/statement.hpp"

using namespace lectern;
using namespace lectern::quiz;

namespace {

// Two questions scored automatically (one right, one half right) and an essay, pass mark 70 %.
RecordedAttempt essay_attempt(const std::string& id = std::string(32, '1')) {
    RecordedAttempt r;
    r.record_id = id;
    r.agent = "maria";
    r.signed_at = "2026-11-23T10:00:00Z";
    r.attempt.quiz_id = "gdpr";
    r.attempt.pass_mark_permille = 700;
    for (const auto& [kind, credit] :
         std::vector<std::pair<QuestionKind, int>>{{QuestionKind::MultipleChoice, 1000},
                                                   {QuestionKind::TrueFalse, 500},
                                                   {QuestionKind::Essay, 0}}) {
        AnsweredQuestion q;
        q.kind = kind;
        q.answered = true;
        q.credit_permille = credit;
        q.needs_grading = kind == QuestionKind::Essay;
        r.attempt.questions.push_back(q);
    }
    total_up(r.attempt);
    return r;
}

RecordedGrade grade(const std::string& by, int credit, const std::string& at,
                    const std::string& attempt = std::string(32, '1')) {
    return {std::string(32, 'b'), by, at, {attempt, "maria", 2, credit, "ok"}};
}

}  // namespace

TEST(QuizGrades, DetailsRoundTripAndBadOnesAreRefused) {
    const Grade g{std::string(32, 'a'), "maria", 6, 500, "Say why."};
    const Grade back = grade_from_details(grade_details(g), "records/x.json");
    EXPECT_EQ(back.attempt_record, g.attempt_record);
    EXPECT_EQ(back.question, 6u);
    EXPECT_EQ(back.credit_permille, 500);
    EXPECT_EQ(back.comment, "Say why.");
    auto bad = grade_details(g);
    bad["credit_permille"] = 1001;
    EXPECT_THROW(grade_from_details(bad, "x"), Error);
    bad = grade_details(g);
    bad["attempt"] = "not-an-id";
    EXPECT_THROW(grade_from_details(bad, "x"), Error);
}

TEST(QuizGrades, OnlyAnEssayOfTheAttemptCanBeGraded) {
    const Attempt a = essay_attempt().attempt;
    EXPECT_FALSE(grade_refusal(a, {std::string(32, '1'), "maria", 2, 1000, ""}));
    EXPECT_TRUE(grade_refusal(a, {std::string(32, '1'), "maria", 0, 1000, ""}));
    EXPECT_TRUE(grade_refusal(a, {std::string(32, '1'), "maria", 9, 1000, ""}));
    EXPECT_EQ(essay_to_grade(a, std::nullopt), 2u);
    EXPECT_EQ(essay_to_grade(a, 3), 2u);
    EXPECT_THROW(essay_to_grade(a, 1), Error);
}

TEST(QuizGrades, AGradeCountsTheEssayAndRecomputesScoreAndPass) {
    auto attempts = std::vector<RecordedAttempt>{essay_attempt()};
    ASSERT_EQ(attempts[0].attempt.score_permille, 750);  // (1000 + 500) / 2, essay left out
    ASSERT_TRUE(attempts[0].attempt.passed);
    ASSERT_EQ(attempts[0].attempt.to_be_graded, 1u);
    // An essay worth nothing brings it under the pass mark: (1000 + 500 + 0) / 3.
    apply_grades(attempts, {grade("kadri", 0, "2026-11-24T09:00:00Z")});
    EXPECT_EQ(attempts[0].attempt.score_permille, 500);
    EXPECT_FALSE(attempts[0].attempt.passed);
    EXPECT_EQ(attempts[0].attempt.to_be_graded, 0u);
    EXPECT_EQ(attempts[0].graded_by, std::vector<std::string>{"kadri"});
}

TEST(QuizGrades, TheLatestGradeOfAnEssayIsTheOneThatCounts) {
    auto attempts = std::vector<RecordedAttempt>{essay_attempt()};
    apply_grades(attempts, {grade("jonas", 1000, "2026-11-25T09:00:00Z"),
                            grade("kadri", 0, "2026-11-24T09:00:00Z")});
    EXPECT_EQ(attempts[0].attempt.score_permille, 833);
    EXPECT_TRUE(attempts[0].attempt.passed);
    EXPECT_EQ(attempts[0].graded_by, std::vector<std::string>{"jonas"});
}

TEST(QuizGrades, GradesOfOtherAttemptsOrQuestionsChangeNothing) {
    auto attempts = std::vector<RecordedAttempt>{essay_attempt()};
    RecordedGrade not_essay = grade("kadri", 1000, "2026-11-24T09:00:00Z");
    not_essay.grade.question = 0;
    RecordedGrade other_agent = grade("kadri", 1000, "2026-11-24T09:00:00Z");
    other_agent.grade.attempt_agent = "jonas";
    apply_grades(attempts, {grade("kadri", 1000, "2026-11-24T09:00:00Z", std::string(32, '2')),
                            not_essay, other_agent});
    EXPECT_EQ(attempts[0].attempt.score_permille, 750);
    EXPECT_EQ(attempts[0].attempt.to_be_graded, 1u);
    EXPECT_TRUE(attempts[0].graded_by.empty());
}

TEST(QuizGrades, ReportListsTheAttemptsWaitingForAGrade) {
    auto attempts =
        std::vector<RecordedAttempt>{essay_attempt(), essay_attempt(std::string(32, '3'))};
    apply_grades(attempts, {grade("kadri", 1000, "2026-11-24T09:00:00Z")});
    const QuizReport report = build_quiz_report(attempts);
    ASSERT_EQ(report.attempts.size(), 2u);
    EXPECT_EQ(report.attempts[0].graded_by, std::vector<std::string>{"kadri"});
    const auto waiting = waiting_for_a_grade(report);
    ASSERT_EQ(waiting.size(), 1u);
    EXPECT_EQ(waiting[0].record_id, std::string(32, '3'));
    EXPECT_NE(report_csv(report, ReportTable::Attempts)
                  .find(std::string(32, '1') + ",maria,gdpr,2026-11-23T10:00:00Z,"
                                               "83.3,yes,0,kadri"),
              std::string::npos)
        << report_csv(report, ReportTable::Attempts);
    EXPECT_EQ(report_json(report)["attempts"][1]["essays_to_grade"], 1);
}

// The xAPI export: the attempt's statement carries the graded score and who graded it; the
// grade itself is no statement.
TEST(QuizGrades, XapiCountsTheGradeInTheAttemptsStatement) {
    const RecordedAttempt a = essay_attempt();
    ledger::StoredRecord attempt;
    attempt.record.id = a.record_id;
    attempt.record.kind = std::string(ledger::kKindQuizAttempt);
    attempt.record.space = "northwind";
    attempt.record.agent = "maria";
    attempt.record.document_id = "gdpr";
    attempt.record.blob_id = std::string(40, 'b');
    attempt.record.signed_at = a.signed_at;
    attempt.record.details = attempt_details(a.attempt);
    ledger::StoredRecord graded = attempt;
    graded.record.id = std::string(32, 'c');
    graded.record.kind = std::string(ledger::kKindQuizGrade);
    graded.record.agent = "kadri";
    graded.record.signed_at = "2026-11-24T09:00:00Z";
    graded.record.details = grade_details({a.record_id, "maria", 2, 0, "Say why."});
    const auto out = xapi::statements({attempt, graded}, nullptr, {"https://lectern.example"});
    ASSERT_EQ(out.size(), 1u) << out.dump(1);
    EXPECT_EQ(out[0]["result"]["score"]["raw"], 50.0);  // (1000 + 500 + 0) / 3
    EXPECT_EQ(out[0]["verb"]["display"]["en-US"], "failed");
    EXPECT_EQ(out[0]["result"]["extensions"]["https://lectern.example/xapi/extensions/graded-by"],
              nlohmann::json::array({"kadri"}));
}
