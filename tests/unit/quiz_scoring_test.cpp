// Scoring every question type, as tables of (question, answer) → credit in thousandths.

#include <gtest/gtest.h>

#include "quiz/scoring.hpp"

using namespace lectern;
using namespace lectern::quiz;

namespace {

Question parse_one(const std::string& gift) {
    Diagnostics problems;
    const GiftBank bank = parse_gift(gift, "t.gift", 1, problems);
    EXPECT_FALSE(problems.has_errors());
    return bank.questions.at(0);
}

Response chosen(std::vector<std::size_t> c) {
    Response r;
    r.chosen = std::move(c);
    return r;
}

Response typed(std::string text) {
    Response r;
    r.text = std::move(text);
    return r;
}

struct Row {
    Response response;
    int credit;
};

void check_table(const std::string& gift, const std::vector<Row>& rows) {
    const Question q = parse_one(gift);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        SCOPED_TRACE("row " + std::to_string(i));
        EXPECT_EQ(score_question(q, rows[i].response).credit_permille, rows[i].credit);
    }
}

}  // namespace

TEST(QuizScoring, SingleChoiceScoresTheChosenAnswersWeight) {
    check_table("Q{=right ~wrong ~%50%half ~%-50%bad}", {
                                                            {chosen({0}), 1000},
                                                            {chosen({1}), 0},
                                                            {chosen({2}), 500},
                                                            {chosen({3}), 0},  // never below 0
                                                            {chosen({}), 0},
                                                            {chosen({0, 1}), 0},  // one only
                                                        });
}

TEST(QuizScoring, CheckBoxesAddWeightsAndNegativeWeightsTakeCreditBack) {
    check_table("Q{~%50%a ~%50%b ~%-50%c ~%-100%d}", {
                                                         {chosen({0, 1}), 1000},
                                                         {chosen({0}), 500},
                                                         {chosen({0, 1, 2}), 500},
                                                         {chosen({0, 2}), 0},
                                                         {chosen({0, 1, 3}), 0},
                                                         {chosen({0, 1, 0}), 1000},  // twice
                                                         {chosen({2, 3}), 0},
                                                     });
}

TEST(QuizScoring, CheckBoxesWithThirdsAddUpToFullCredit) {
    check_table("Q{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}",
                {{chosen({0, 1, 2}), 1000}, {chosen({0}), 333}, {chosen({0, 1}), 667}});
}

TEST(QuizScoring, TrueFalseIsAllOrNothingWithTheMatchingFeedback) {
    const Question q = parse_one("The sky is green.{F#It is not green.#Right, it is blue.}");
    Response yes, no;
    yes.truth = true;
    no.truth = false;
    EXPECT_EQ(score_question(q, no).credit_permille, 1000);
    EXPECT_EQ(score_question(q, no).feedback, std::vector<std::string>{"Right, it is blue."});
    EXPECT_EQ(score_question(q, yes).credit_permille, 0);
    EXPECT_EQ(score_question(q, yes).feedback, std::vector<std::string>{"It is not green."});
    EXPECT_EQ(score_question(q, Response{}).credit_permille, 0);
}

TEST(QuizScoring, ShortAnswersIgnoreCaseAndSpacesAndCarryWeights) {
    check_table("Q{=Secure Pay =%50%Pause =Zapłać bezpiecznie}",
                {
                    {typed("secure pay"), 1000},
                    {typed("  SECURE   PAY "), 1000},
                    {typed("pause"), 500},
                    {typed("ZAPŁAĆ BEZPIECZNIE"), 1000},
                    {typed("ZAPLAC BEZPIECZNIE"), 0},
                    {typed("securepay"), 0},
                    {typed(""), 0},
                });
}

TEST(QuizScoring, NumericalToleranceRangeAndPartialAnswers) {
    check_table("Q{#15:2}", {
                                {typed("15"), 1000},
                                {typed("13"), 1000},
                                {typed("17"), 1000},
                                {typed("17.01"), 0},
                                {typed("12.99"), 0},
                                {typed("fifteen"), 0},
                                {typed("16,5"), 1000},  // decimal comma
                            });
    check_table("Q{#28..31}", {{typed("28"), 1000}, {typed("31"), 1000}, {typed("32"), 0}});
    check_table("Q{#\n=150:0\n=%50%150:10\n}",
                {{typed("150"), 1000}, {typed("155"), 500}, {typed("161"), 0}});
    check_table("Q{#0.1:0.05}", {{typed("0.15"), 1000}, {typed("-0.1"), 0}});
}

TEST(QuizScoring, MatchingGivesTheShareOfPairsMatched) {
    const Question q = parse_one("Q{=a -> 1 =b -> 2 =c -> 3 =d -> 4 = -> 5}");
    const auto options = match_options(q);
    ASSERT_EQ(options, (std::vector<std::string>{"1", "2", "3", "4", "5"}));
    ASSERT_EQ(matching_pairs(q).size(), 4u);
    Response all, half, none;
    all.matches = {0, 1, 2, 3};
    half.matches = {0, 1, 4, std::nullopt};
    none.matches = {4, 4, 4, 4};
    EXPECT_EQ(score_question(q, all).credit_permille, 1000);
    EXPECT_EQ(score_question(q, half).credit_permille, 500);
    EXPECT_EQ(score_question(q, none).credit_permille, 0);
}

TEST(QuizScoring, MatchingWithSharedRightSides) {
    const Question q = parse_one("Q{=cat -> animal =dog -> animal =oak -> plant}");
    ASSERT_EQ(match_options(q), (std::vector<std::string>{"animal", "plant"}));
    Response r;
    r.matches = {0, 0, 1};
    EXPECT_EQ(score_question(q, r).credit_permille, 1000);
}

TEST(QuizScoring, MissingWordScoresLikeMultipleChoice) {
    check_table("Lock with {=Win+L ~F5} now.", {{chosen({0}), 1000}, {chosen({1}), 0}});
}

TEST(QuizScoring, EssaysAreRecordedToBeGradedNotScored) {
    const Question q = parse_one("Describe it.{}");
    const auto r = score_question(q, typed("I would stay calm."));
    EXPECT_TRUE(r.needs_grading);
    EXPECT_EQ(r.credit_permille, 0);
}

TEST(QuizScoring, FeedbackOfTheChosenAnswerThenGeneralFeedback) {
    const Question q = parse_one("Q{=a#Yes. ~b#No. ####Read section 2.}");
    EXPECT_EQ(score_question(q, chosen({1})).feedback,
              (std::vector<std::string>{"No.", "Read section 2."}));
}

TEST(QuizScoring, OutOfRangeChoicesScoreNothing) {
    check_table("Q{=a ~b}", {{chosen({7}), 0}});
}
