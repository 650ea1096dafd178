// GIFT as Moodle documents it: one test per question type and option, and located errors.

#include <gtest/gtest.h>

#include "quiz/gift.hpp"

using namespace lectern;
using namespace lectern::quiz;

namespace {

GiftBank parse(const std::string& text, Diagnostics& out) {
    return parse_gift(text, "quizzes/q.gift", 1, out);
}

Question one(const std::string& text) {
    Diagnostics out;
    const GiftBank bank = parse(text, out);
    EXPECT_FALSE(out.has_errors()) << (out.items().empty() ? "" : out.items()[0].to_string());
    EXPECT_EQ(bank.questions.size(), 1u);
    return bank.questions.empty() ? Question{} : bank.questions[0];
}

std::string dump_first(const Diagnostics& out) {
    return out.items().empty() ? "" : out.items()[0].to_string();
}

std::string first_error(const std::string& text) {
    Diagnostics out;
    parse(text, out);
    return out.items().empty() ? "" : out.items()[0].to_string();
}

}  // namespace

TEST(Gift, MultipleChoiceWithOneRightAnswerAndFeedback) {
    const Question q = one(
        "::Paper::Which data may go on paper?{=None#Right.~The account number#No.~The postcode}");
    EXPECT_EQ(q.kind, QuestionKind::MultipleChoice);
    EXPECT_EQ(q.title, "Paper");
    EXPECT_EQ(q.text, "Which data may go on paper?");
    ASSERT_EQ(q.answers.size(), 3u);
    EXPECT_EQ(q.answers[0].text, "None");
    EXPECT_EQ(q.answers[0].weight, 100);
    EXPECT_EQ(q.answers[0].feedback, "Right.");
    EXPECT_EQ(q.answers[1].weight, 0);
    EXPECT_EQ(q.answers[2].feedback, "");
}

TEST(Gift, MultipleAnswersWithPositiveAndNegativeWeights) {
    const Question q =
        one("Pick two{\n~%50%Log it\n~%50%Tell the customer\n~%-100%Send screenshots\n}");
    EXPECT_EQ(q.kind, QuestionKind::MultipleChoice);
    ASSERT_EQ(q.answers.size(), 3u);
    EXPECT_EQ(q.answers[0].weight, 50);
    EXPECT_EQ(q.answers[2].weight, -100);
    EXPECT_EQ(q.answers[2].text, "Send screenshots");
}

TEST(Gift, TrueFalseInEveryWrittenForm) {
    EXPECT_TRUE(one("The sky is blue.{T}").truth);
    EXPECT_TRUE(one("The sky is blue.{TRUE}").truth);
    EXPECT_FALSE(one("Cards go in the notes.{F}").truth);
    const Question q = one("Cards go in the notes.{FALSE#Wrong: never.#Right: never.}");
    EXPECT_EQ(q.kind, QuestionKind::TrueFalse);
    EXPECT_FALSE(q.truth);
    EXPECT_EQ(q.feedback_wrong, "Wrong: never.");
    EXPECT_EQ(q.feedback_right, "Right: never.");
}

TEST(Gift, ShortAnswerWithSeveralAcceptedAnswers) {
    const Question q = one("Which key locks the screen with Windows?{=L =Windows+L =Win+L}");
    EXPECT_EQ(q.kind, QuestionKind::ShortAnswer);
    ASSERT_EQ(q.answers.size(), 3u);
    EXPECT_EQ(q.answers[1].text, "Windows+L");
}

TEST(Gift, MatchingPairs) {
    const Question q =
        one("Match the team.{\n=Refund over limit -> Billing tier 2\n=Breach -> Security "
            "line\n=Outage -> Network desk\n}");
    EXPECT_EQ(q.kind, QuestionKind::Matching);
    ASSERT_EQ(q.answers.size(), 3u);
    EXPECT_EQ(q.answers[0].text, "Refund over limit");
    EXPECT_EQ(q.answers[0].match, "Billing tier 2");
}

TEST(Gift, NumericalWithToleranceRangeAndSeveralAnswers) {
    Question q = one("Minutes before auto-lock?{#15:0}");
    EXPECT_EQ(q.kind, QuestionKind::Numerical);
    ASSERT_EQ(q.answers.size(), 1u);
    EXPECT_EQ(q.answers[0].value, 15);
    EXPECT_EQ(q.answers[0].tolerance, 0);

    q = one("Days in a billing period?{#28..31}");
    ASSERT_EQ(q.answers.size(), 1u);
    EXPECT_EQ(*q.answers[0].range_min, 28);
    EXPECT_EQ(*q.answers[0].range_max, 31);

    q = one("Refund limit in pounds?{#\n=150:0#Exactly.\n=%50%150:10#Close.\n}");
    ASSERT_EQ(q.answers.size(), 2u);
    EXPECT_EQ(q.answers[1].weight, 50);
    EXPECT_EQ(q.answers[1].tolerance, 10);
    EXPECT_EQ(q.answers[1].feedback, "Close.");
}

TEST(Gift, MissingWordKeepsTheTextAroundTheBlank) {
    const Question q =
        one("Lock your screen with {=Windows+L ~Ctrl+Alt ~F5} before you leave the desk.");
    EXPECT_EQ(q.kind, QuestionKind::MultipleChoice);
    EXPECT_TRUE(q.is_missing_word());
    EXPECT_EQ(q.text, "Lock your screen with");
    EXPECT_EQ(q.text_after, "before you leave the desk.");
}

TEST(Gift, EssayIsAnEmptyBlock) {
    const Question q = one("::Describe::Describe how you would calm an angry caller.{}");
    EXPECT_EQ(q.kind, QuestionKind::Essay);
}

TEST(Gift, DescriptionHasNoBlock) {
    const Question q = one("The next questions are about GDPR.");
    EXPECT_EQ(q.kind, QuestionKind::Description);
}

TEST(Gift, GeneralFeedbackAfterFourHashes) {
    const Question q = one("Pick one{=a ~b ####Read the GDPR procedure again.}");
    EXPECT_EQ(q.general_feedback, "Read the GDPR procedure again.");
    EXPECT_EQ(q.answers.size(), 2u);
}

TEST(Gift, CategoriesApplyToTheQuestionsThatFollow) {
    Diagnostics out;
    const auto bank =
        parse("$CATEGORY: $course$/GDPR\n\nQ1{T}\n\n$CATEGORY: Security\n\nQ2{F}\n", out);
    ASSERT_EQ(bank.questions.size(), 2u);
    EXPECT_EQ(bank.questions[0].category, "$course$/GDPR");
    EXPECT_EQ(bank.questions[1].category, "Security");
}

TEST(Gift, EscapedSpecialCharactersAreLiteral) {
    const Question q = one("What is 2 \\= 2 \\{really\\}\\: a \\#tag?{=yes \\~ sure ~no}");
    EXPECT_EQ(q.text, "What is 2 = 2 {really}: a #tag?");
    EXPECT_EQ(q.answers[0].text, "yes ~ sure");
}

TEST(Gift, CommentsAreIgnoredAndBlankLinesSeparateQuestions) {
    Diagnostics out;
    const auto bank =
        parse("// a comment\nQ1{T}\n// between\n\n   // indented comment\nQ2 {\n=a\n~b\n}\n", out);
    EXPECT_FALSE(out.has_errors());
    ASSERT_EQ(bank.questions.size(), 2u);
    EXPECT_EQ(bank.questions[1].line, 6);
}

TEST(Gift, MarkdownFormatTag) {
    const Question q = one("::Fmt::[markdown]Is **this** bold?{T}");
    EXPECT_EQ(q.format, TextFormat::Markdown);
    EXPECT_EQ(q.text, "Is **this** bold?");
}

TEST(Gift, PlainMoodleExportParses) {
    Diagnostics out;
    const auto bank = parse(
        "// question: 1  name: Q1\n::Q1::Capital of Norway?{=Oslo ~Bergen ~Trondheim}\n\n"
        "// question: 2  name: Q2\n::Q2::Water boils at 100 degrees Celsius at sea level.{TRUE}\n",
        out);
    EXPECT_FALSE(out.has_errors());
    EXPECT_EQ(bank.gradable_count(), 2u);
}

TEST(GiftErrors, UnclosedAnswerBlockIsLocated) {
    EXPECT_EQ(first_error("\n::Q::Text {=a ~b\n"),
              "quizzes/q.gift:2:11: the answer block is not closed: add '}' (a blank line ends a "
              "question)");
}

TEST(GiftErrors, CloseWithoutOpen) {
    EXPECT_NE(first_error("Text =a ~b}").find("'}' without an opening '{'"), std::string::npos);
}

TEST(GiftErrors, UnclosedTitle) {
    EXPECT_NE(first_error("::Q1 Text {T}").find("title is not closed"), std::string::npos);
}

TEST(GiftErrors, NoRightAnswer) {
    EXPECT_NE(first_error("Pick{~a ~b}").find("no answer is right"), std::string::npos);
}

TEST(GiftErrors, WeightOutOfRange) {
    EXPECT_NE(first_error("Pick{~%150%a ~b}").find("-100 to 100"), std::string::npos);
}

TEST(GiftErrors, BadNumber) {
    EXPECT_EQ(first_error("How many?{#ten}"),
              "quizzes/q.gift:1:12: a numerical answer is a number, number:tolerance or min..max, "
              "like 15:2");
}

TEST(GiftErrors, MatchingMixedWithShortAnswers) {
    EXPECT_NE(first_error("Match{=a -> b =c}").find("every answer is a pair"), std::string::npos);
}

TEST(GiftErrors, ErrorsInOneQuestionDoNotHideTheNext) {
    Diagnostics out;
    const auto bank = parse("Bad{~a ~b}\n\nGood{T}\n\nAlso bad{#x}\n", out);
    EXPECT_EQ(out.error_count(), 2u);
    ASSERT_EQ(bank.questions.size(), 1u);
    EXPECT_EQ(bank.questions[0].text, "Good");
}

TEST(GiftPathological, HugeAndHostileInputsParseQuickly) {
    Diagnostics out;
    std::string many;
    for (int i = 0; i < 5000; ++i) many += "Q{=a ~b ~c}\n\n";
    EXPECT_EQ(parse(many, out).questions.size(), 5000u);
    parse(std::string(100000, '{'), out);
    parse(std::string(100000, '\\'), out);
    parse(std::string(100000, '~'), out);
    parse("Q{" + std::string(100000, '=') + "}", out);
    parse("::" + std::string(100000, ':'), out);
    parse("Q{#" + std::string(100000, '.') + "}", out);
    SUCCEED();
}

TEST(Gift, TrueFalseWordsInAnyCase) {
    EXPECT_TRUE(one("Q{true}").truth);
    EXPECT_FALSE(one("Q{False}").truth);
    EXPECT_EQ(one("Q{f}").kind, QuestionKind::TrueFalse);
}

TEST(Gift, CategoryFollowedAtOnceByAQuestionKeepsBoth) {
    Diagnostics out;
    const auto bank = parse("$CATEGORY: Security\n::Q::Lock it.{T}\n", out);
    EXPECT_FALSE(out.has_errors()) << dump_first(out);
    ASSERT_EQ(bank.questions.size(), 1u);
    EXPECT_EQ(bank.questions[0].category, "Security");
    EXPECT_EQ(bank.questions[0].line, 2);
}

TEST(Gift, EqualsMarkerMeansOneAnswerEvenWithSeveralRight) {
    const Question q = one("Q{=a =b ~c}");
    EXPECT_FALSE(q.multiple_answers);
    EXPECT_TRUE(one("Q{~%50%a ~%50%b ~c}").multiple_answers);
}

TEST(GiftErrors, PinWithoutAQuestionIsAWarning) {
    Diagnostics out;
    parse("// section: vpn#the-vpn\n\nQ{T}\n", out);
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].code, "quiz-pin-without-question");
    EXPECT_EQ(out.items()[0].where.line, 1);
}

TEST(GiftErrors, MalformedPinIsLocated) {
    EXPECT_EQ(
        first_error("// section: vpn#the-vpn reviewed: XYZ\nQ{T}"),
        "quizzes/q.gift:1:1: a section pin is written '// section: procedure-id#section-anchor "
        "reviewed: HASH' (lint tells the hash)");
}

TEST(GiftErrors, ErrorsInMultiLineQuestionsNameTheirLine) {
    EXPECT_EQ(first_error("\n\n::Q::Pick {\n~a\n~%x%b\n}"),
              "quizzes/q.gift:5:2: the weight must be a percentage from -100 to 100, like %50% or "
              "%-25%");
}
