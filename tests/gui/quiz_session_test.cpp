// The quiz view's keys without a window: numbers choose, Backspace undoes, Enter submits and
// goes on, and the pages say what the agent needs.

#include <chrono>
#include <clocale>
#include <memory>

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "quiz_session.hpp"

using namespace lectern;
using namespace lectern::desktop;
using State = quiz::QuizRunner::State;

namespace {

quiz::Quiz make_quiz(const char* gift) {
    quiz::Quiz q;
    q.id = "q";
    q.title = "Keys quiz";
    q.blob_id = std::string(40, 'a');
    Diagnostics problems;
    q.bank = quiz::parse_gift(gift, "q.gift", 1, problems);
    EXPECT_FALSE(problems.has_errors());
    q.reread[0] = {"vpn-security", "the-vpn", "VPN › The VPN"};
    return q;
}

}  // namespace

TEST(QuizSession, NumbersChooseAndEnterSubmitsThenGoesOn) {
    QuizSession s(make_quiz("::A::Pick.{=right ~wrong}\n\n::B::Two.{#2}\n"), 1);
    EXPECT_FALSE(s.press_enter()) << "nothing chosen yet";
    EXPECT_FALSE(s.press_number(3)) << "no third option";
    EXPECT_TRUE(s.press_number(2));
    EXPECT_TRUE(s.press_number(1));
    EXPECT_EQ(s.chosen(), (std::vector<std::size_t>{0}));  // one answer: the last pressed
    EXPECT_NE(s.page_html().find("<b>[x] right</b>"), std::string::npos) << s.page_html();
    EXPECT_TRUE(s.press_enter());
    EXPECT_EQ(s.state(), State::Feedback);
    EXPECT_NE(s.page_html().find("Right."), std::string::npos);
    EXPECT_TRUE(s.press_enter());
    EXPECT_TRUE(s.wants_text());
    EXPECT_FALSE(s.press_number(1)) << "numbers are typed into the box here";
    EXPECT_FALSE(s.press_enter("  ")) << "an empty box is not an answer";
    EXPECT_TRUE(s.press_enter("3"));
    EXPECT_NE(s.page_html().find("The answer: 2"), std::string::npos) << s.page_html();
    s.press_enter();
    EXPECT_EQ(s.state(), State::Finished);
    const std::string result = s.page_html();
    EXPECT_NE(result.find("50 % — "), std::string::npos) << result;
    EXPECT_EQ(result.find("lectern://document/vpn-security#the-vpn"), std::string::npos)
        << "A was right: nothing to reread for it";
}

TEST(QuizSession, CheckBoxesToggleAndMatchingFillsItemsInTurn) {
    QuizSession s(make_quiz("Pick.{~%50%a ~%50%b ~%-100%c}\n\nMatch.{=x -> 1 =y -> 2}\n"), 1);
    s.press_number(1);
    s.press_number(3);
    s.press_number(3);  // toggled off again
    s.press_number(2);
    EXPECT_EQ(s.chosen(), (std::vector<std::size_t>{0, 1}));
    s.press_enter();
    EXPECT_EQ(s.runner().feedback().credit_permille, 1000);
    s.press_enter();
    const auto options = s.runner().options();
    const std::size_t one = options[0] == "1" ? 1 : 2;
    s.press_number(static_cast<int>(3 - one));
    EXPECT_TRUE(s.press_backspace());
    s.press_number(static_cast<int>(one));
    s.press_number(static_cast<int>(3 - one));
    EXPECT_FALSE(s.press_number(1)) << "every item already has its match";
    s.press_enter();
    EXPECT_EQ(s.runner().feedback().credit_permille, 1000);
}

TEST(QuizSession, FailedResultLinksTheSectionsToReread) {
    QuizSession s(make_quiz("::A::Pick.{=right ~wrong}\n"), 1);
    s.press_number(2);
    s.press_enter();
    s.press_enter();
    const std::string result = s.page_html();
    EXPECT_NE(result.find("failed"), std::string::npos);
    EXPECT_NE(result.find("<a href=\"lectern://document/vpn-security#the-vpn\">VPN › The VPN</a>"),
              std::string::npos)
        << result;
}

TEST(QuizSession, EscBeforeTheEndEndsTheAttemptAndTheResultSaysWhereTheRecordStands) {
    // The app runs in a UTF-8 locale: its messages with a check mark convert from it.
    std::setlocale(LC_ALL, "C.UTF-8");
    QuizSession s(make_quiz("::A::Pick.{=right ~wrong}\n\n::B::Two.{#2}\n"), 1, 0,
                  QuizSession::Record::Unsigned);
    s.press_number(1);
    s.press_enter();
    EXPECT_TRUE(s.give_up());
    EXPECT_FALSE(s.give_up()) << "ended already";
    EXPECT_EQ(s.state(), State::Finished);
    EXPECT_FALSE(s.runner().attempt().questions[1].answered);
    EXPECT_TRUE(s.may_sign());
    EXPECT_NE(s.page_html().find("press Enter to sign"), std::string::npos) << s.page_html();
    s.set_record(QuizSession::Record::WrongPassphrase);
    EXPECT_TRUE(s.may_sign());
    EXPECT_NE(s.page_html().find("Wrong passphrase"), std::string::npos);
    s.set_record(QuizSession::Record::Queued, "0123");
    EXPECT_FALSE(s.may_sign()) << "one record per attempt";
    EXPECT_NE(s.page_html().find("queued until the next sync"), std::string::npos);

    QuizSession practice(make_quiz("::A::Pick.{=right ~wrong}\n"), 1);
    practice.give_up();
    EXPECT_FALSE(practice.may_sign());
    EXPECT_NE(practice.page_html().find("not recorded"), std::string::npos);
}

TEST(QuizSession, NoAttemptLeftRefusesToStart) {
    quiz::Quiz q = make_quiz("::A::Pick.{=right ~wrong}\n");
    q.settings.attempts = 2;
    EXPECT_NO_THROW(QuizSession(q, 1, 1));
    EXPECT_THROW(QuizSession(q, 1, 2), Error);
}

TEST(QuizSession, TheTimeLimitEndsTheAttemptWithoutAKeyPressed) {
    quiz::Quiz q = make_quiz("::A::Pick.{=right ~wrong}\n\n::B::Two.{#2}\n");
    q.settings.time_limit_minutes = 1;
    auto now =
        std::make_shared<std::chrono::system_clock::time_point>(std::chrono::system_clock::now());
    QuizSession s(q, 1, 0, QuizSession::Record::Unsigned, [now] { return *now; });
    s.press_number(1);
    s.press_enter();
    s.press_enter();
    *now += std::chrono::seconds(59);
    EXPECT_FALSE(s.end_if_time_is_up());
    EXPECT_EQ(s.state(), State::Question);
    *now += std::chrono::seconds(1);
    EXPECT_TRUE(s.end_if_time_is_up()) << "the window's clock ends it, as a late answer would";
    EXPECT_EQ(s.state(), State::Finished);
    EXPECT_TRUE(s.runner().attempt().timed_out);
    EXPECT_FALSE(s.runner().attempt().questions[1].answered);
    EXPECT_TRUE(s.may_sign()) << "a timed-out attempt is recorded like any other";
    EXPECT_FALSE(s.end_if_time_is_up());
}
