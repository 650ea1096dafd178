// Questions pinned to a procedure's section: lint warns when the section changed since review.

#include <gtest/gtest.h>

#include "content/space.hpp"
#include "quiz/quiz.hpp"
#include "quiz/section_pins.hpp"
#include "support/temp_space.hpp"

using namespace lectern;
using namespace lectern::quiz;
using lectern::test::dump;
using lectern::test::has_diagnostic;

namespace {

const char* kBody =
    "Intro.\n\n## The VPN\n\nConnect the VPN first.\n\n### Details\n\nUse MFA.\n\n"
    "## Home network\n\nUse a cable.\n";

std::string quiz_with_pin(const std::string& pin) {
    return "---\nid: vpn-quiz\ntype: quiz\ntitle: VPN quiz\nlang: en\ntests: vpn\n---\n" + pin +
           "\n::Q1::Connect the VPN first.{T}\n\n::Q2::Cables are best.{T}\n";
}

}  // namespace

TEST(QuizPins, SectionTextRunsToTheNextHeadingOfTheSameLevel) {
    EXPECT_EQ(*section_text(kBody, "the-vpn"),
              "## The VPN\n\nConnect the VPN first.\n\n### Details\n\nUse MFA.\n\n");
    EXPECT_EQ(*section_text(kBody, "home-network"), "## Home network\n\nUse a cable.\n");
    EXPECT_FALSE(section_text(kBody, "nowhere"));
}

TEST(QuizPins, HashIgnoresTrailingSpacesAndBlankLinesAtTheEnds) {
    EXPECT_EQ(section_hash("## A\n\nText.\n"), section_hash("\n## A  \r\n\nText.\n\n\n"));
    EXPECT_NE(section_hash("## A\n\nText.\n"), section_hash("## A\n\nText!\n"));
    EXPECT_EQ(section_hash("x").size(), 12u);
}

TEST(QuizPins, LintWarnsWhenThePinnedSectionChangedSinceReview) {
    test::TempSpace space;
    space.write("procedures/vpn.md", test::procedure("vpn", kBody));
    const std::string reviewed = section_hash(*section_text(kBody, "the-vpn"));
    space.write("quizzes/vpn-quiz.gift",
                quiz_with_pin("// section: vpn#the-vpn reviewed: " + reviewed));
    Diagnostics clean = space.lint();
    EXPECT_TRUE(clean.items().empty()) << dump(clean);

    // A change elsewhere in the procedure does not make the question stale.
    std::string body = kBody;
    body.replace(body.find("Use a cable."), 12, "Use a cable, always.");
    space.write("procedures/vpn.md", test::procedure("vpn", body));
    clean = space.lint();
    EXPECT_TRUE(clean.items().empty()) << dump(clean);

    // A change in the pinned section does.
    body.replace(body.find("Use MFA."), 8, "Approve the MFA prompt.");
    space.write("procedures/vpn.md", test::procedure("vpn", body));
    const Diagnostics stale = space.lint();
    EXPECT_FALSE(stale.has_errors()) << dump(stale);
    EXPECT_TRUE(has_diagnostic(stale, "quiz-question-may-be-stale", "quizzes/vpn-quiz.gift:8:1"))
        << dump(stale);
    const std::string now = section_hash(*section_text(body, "the-vpn"));
    EXPECT_NE(dump(stale).find("reviewed: " + now), std::string::npos) << dump(stale);
}

TEST(QuizPins, PinWithoutReviewedHashAsksForOne) {
    test::TempSpace space;
    space.write("procedures/vpn.md", test::procedure("vpn", kBody));
    space.write("quizzes/vpn-quiz.gift", quiz_with_pin("// section: vpn#the-vpn"));
    const Diagnostics found = space.lint();
    EXPECT_TRUE(has_diagnostic(found, "quiz-pin-not-reviewed", "quizzes/vpn-quiz.gift:8"))
        << dump(found);
}

TEST(QuizPins, PinsToMissingDocumentsOrSectionsAreErrors) {
    test::TempSpace space;
    space.write("procedures/vpn.md", test::procedure("vpn", kBody));
    space.write("quizzes/vpn-quiz.gift", quiz_with_pin("// section: vpn#no-such-section"));
    Diagnostics found = space.lint();
    EXPECT_TRUE(has_diagnostic(found, "quiz-pin-unknown-section", "quizzes/vpn-quiz.gift:8:1"))
        << dump(found);
    space.write("quizzes/vpn-quiz.gift", quiz_with_pin("// section: nothing#the-vpn"));
    found = space.lint();
    EXPECT_TRUE(has_diagnostic(found, "quiz-pin-unknown-document", "quizzes/vpn-quiz.gift:8"))
        << dump(found);
    space.write("quizzes/vpn-quiz.gift", quiz_with_pin("// section: vpn the-vpn"));
    found = space.lint();
    EXPECT_TRUE(has_diagnostic(found, "quiz-pin-syntax", "quizzes/vpn-quiz.gift:8:1"))
        << dump(found);
}

TEST(QuizPins, MissedPinnedQuestionSendsTheAgentToItsSection) {
    test::TempSpace space;
    space.write("procedures/vpn.md", test::procedure("vpn", kBody));
    space.write("quizzes/vpn-quiz.gift", quiz_with_pin("// section: vpn#the-vpn"));
    Diagnostics problems;
    const auto s = content::Space::load(space.root(), problems);
    const Quiz q = load_quiz(s, *s.find_by_id("vpn-quiz"));
    ASSERT_EQ(q.reread.size(), 2u);
    EXPECT_EQ(q.reread.at(0), (SectionRef{"vpn", "the-vpn", "A procedure › The VPN"}));
    // Q2 has no pin: the whole procedure the quiz tests.
    EXPECT_EQ(q.reread.at(1), (SectionRef{"vpn", "", "A procedure"}));
}

TEST(QuizLint, GateMustNameAProcedure) {
    test::TempSpace space;
    space.write("quizzes/q.gift",
                "---\nid: q\ntype: quiz\ntitle: Q\nlang: en\ngates_signoff: true\n---\nQ{T}\n");
    const Diagnostics found = space.lint();
    EXPECT_TRUE(has_diagnostic(found, "quiz-gate-not-procedure", "quizzes/q.gift")) << dump(found);
}
