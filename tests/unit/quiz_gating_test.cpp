// A procedure gated by a quiz can be signed only after a passed attempt on its current version.

#include <gtest/gtest.h>

#include "content/space.hpp"
#include "quiz/gating.hpp"
#include "support/temp_space.hpp"

using namespace lectern;
using namespace lectern::quiz;

namespace {

struct GatedSpace {
    test::TempSpace dir;
    content::Space space;

    static content::Space load(const test::TempSpace& d) {
        Diagnostics problems;
        auto s = content::Space::load(d.root(), problems);
        EXPECT_FALSE(problems.has_errors());
        return s;
    }

    GatedSpace() : space((write(), load(dir))) {}

    void write() {
        dir.write("procedures/vpn.md", test::procedure("vpn", "## The VPN\n\nConnect it.\n"));
        dir.write("procedures/other.md", test::procedure("other"));
        dir.write("quizzes/vpn-quiz.gift",
                  "---\nid: vpn-quiz\ntype: quiz\ntitle: VPN quiz\nlang: en\ntests: vpn\n"
                  "gates_signoff: true\n---\nConnect the VPN first.{T}\n");
    }

    const content::Document& doc(const char* id) const { return *space.find_by_id(id); }
    std::string quiz_version() const { return doc("vpn-quiz").blob_id; }
};

}  // namespace

TEST(QuizGating, SignoffRefusedWithoutAPassedAttempt) {
    GatedSpace g;
    ASSERT_EQ(gating_quizzes(g.space, "vpn").size(), 1u);
    const auto refusal = signoff_refusal(g.space, g.doc("vpn"), "maria", {});
    ASSERT_TRUE(refusal);
    EXPECT_NE(refusal->find("lectern quiz take vpn-quiz"), std::string::npos);
}

TEST(QuizGating, SignoffAllowedAfterAPassedAttemptOnTheCurrentVersion) {
    GatedSpace g;
    EXPECT_FALSE(signoff_refusal(g.space, g.doc("vpn"), "maria",
                                 {{"maria", "vpn-quiz", g.quiz_version(), true}}));
}

TEST(QuizGating, FailedOldVersionOrSomeoneElsesPassDoesNotCount) {
    GatedSpace g;
    EXPECT_TRUE(signoff_refusal(g.space, g.doc("vpn"), "maria",
                                {{"maria", "vpn-quiz", g.quiz_version(), false},
                                 {"maria", "vpn-quiz", std::string(40, '0'), true},
                                 {"jonas", "vpn-quiz", g.quiz_version(), true}}));
}

TEST(QuizGating, UngatedDocumentsAreNeverRefused) {
    GatedSpace g;
    EXPECT_FALSE(signoff_refusal(g.space, g.doc("other"), "maria", {}));
}
