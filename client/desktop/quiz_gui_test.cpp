// GUI test of the quiz window: the sample security quiz opened from the search box and taken
// with the keyboard only, once answering everything right (passed) and once everything wrong
// (failed, with the sections to reread).

#include <wx/textctrl.h>

#include "gui_test_steps.hpp"
#include "main_frame.hpp"
#include "quiz/scoring.hpp"
#include "quiz_window.hpp"

namespace lectern::desktop {

namespace gui_test {

using quiz::QuestionKind;
using State = quiz::QuizRunner::State;

const QuizSession* quiz_session() {
    const QuizWindow* w = find_quiz_window();
    return w ? w->session() : nullptr;
}

bool quiz_in_state(State s) {
    const QuizSession* q = quiz_session();
    return q && q->state() == s;
}

namespace {

const QuizSession* session() {
    return quiz_session();
}
bool in_state(State s) {
    return quiz_in_state(s);
}

// Types the answer to the current question with number keys or into the answer box, right
// or wrong, then presses Enter.
void answer(bool right) {
    const QuizSession* s = session();
    if (!s || s->state() != State::Question) return;
    const quiz::QuizRunner& r = s->runner();
    const quiz::Question& q = r.question();
    const auto options = r.options();
    auto number = [](std::size_t pos) { key(static_cast<int>('1' + pos)); };
    switch (q.kind) {
        case QuestionKind::TrueFalse:
            number(q.truth == right ? 0 : 1);
            break;
        case QuestionKind::MultipleChoice:
            for (std::size_t p = 0; p < options.size(); ++p) {
                double weight = 0;
                for (const auto& a : q.answers) {
                    if (a.text == options[p]) weight = a.weight;
                }
                const bool pick =
                    right ? (q.multiple_answers ? weight > 0 : weight >= 100) : weight <= 0;
                if (pick) {
                    number(p);
                    if (!q.multiple_answers) break;
                }
            }
            break;
        case QuestionKind::Matching: {
            const auto prompts = r.match_prompts();
            for (std::size_t i = 0; i < prompts.size(); ++i) {
                for (const auto& a : q.answers) {
                    if (a.text != prompts[i]) continue;
                    for (std::size_t p = 0; p < options.size(); ++p) {
                        if ((options[p] == a.match) == right) {
                            number(p);
                            break;
                        }
                    }
                }
            }
            break;
        }
        case QuestionKind::ShortAnswer:
            type(right ? q.answers.front().text.c_str() : "no idea");
            break;
        case QuestionKind::Numerical: {
            const auto& a = q.answers.front();
            const double v = a.range_min ? *a.range_min : a.value;
            type(right ? std::to_string(static_cast<long long>(v)).c_str() : "-12345");
            break;
        }
        default:
            type("Lock it, use the VPN, keep the laptop to myself.");
    }
    key(WXK_RETURN);
}

}  // namespace

void take_quiz(std::vector<Step>& steps, bool right, const std::string& shots,
               const std::string& tag) {
    for (int i = 0; i < 10; ++i) {
        steps.push_back({"question " + std::to_string(i + 1) + ": keys answer it " +
                             (right ? "right" : "wrong"),
                         [right] { answer(right); }, [] { return in_state(State::Feedback); },
                         std::chrono::milliseconds(100)});
        if (i == 0)
            steps.push_back({"screenshot: feedback", screenshot(shots, tag + "-feedback"), {}});
        steps.push_back({"Enter goes on", [] { key(WXK_RETURN); },
                         [] { return in_state(State::Question) || in_state(State::Finished); },
                         std::chrono::milliseconds(100)});
        if (i == 0)
            steps.push_back({"screenshot: a question", screenshot(shots, tag + "-question"), {}});
    }
}

}  // namespace gui_test

using namespace gui_test;

std::vector<GuiTestDriver::Step> quiz_scenario(MainFrame& frame, const std::string& shots) {
    auto steps = opening(frame);
    auto open_quiz = search_and_open(frame, "home-working security", "security-basics");
    // Opening a quiz from the search shows the quiz window, not a page of the main one.
    open_quiz.back().until = [] { return in_state(State::Question); };
    steps.insert(steps.end(), open_quiz.begin(), open_quiz.end());
    steps.push_back({"the first question asks for an answer", {}, [] {
                         return session() && session()->runner().position() == 0;
                     }});
    take_quiz(steps, true, shots, "08-quiz-right");
    steps.push_back({"every answer right: passed with 100 %", {}, [] {
                         const QuizSession* s = session();
                         return s && s->state() == State::Finished &&
                                s->runner().attempt().passed &&
                                s->runner().attempt().score_permille == 1000 &&
                                s->page_html().find("100 % — ") != std::string::npos;
                     }});
    steps.push_back({"screenshot: passed", screenshot(shots, "09-quiz-passed"), {}});
    steps.push_back({"Esc closes the quiz", [] { key(WXK_ESCAPE); },
                     [] { return find_quiz_window() == nullptr; }, std::chrono::milliseconds(300)});
    auto again = search_and_open(frame, "home-working security", "security-basics");
    again.back().until = [] { return in_state(State::Question); };
    steps.insert(steps.end(), again.begin(), again.end());
    take_quiz(steps, false, shots, "10-quiz-wrong");
    steps.push_back({"every answer wrong: failed, with the sections to read again", {}, [] {
                         const QuizSession* s = session();
                         if (!s || s->state() != State::Finished) return false;
                         const auto& a = s->runner().attempt();
                         const std::string html = s->page_html();
                         return !a.passed && !a.reread.empty() &&
                                html.find("lectern://document/vpn-security#") != std::string::npos;
                     }});
    steps.push_back({"screenshot: failed", screenshot(shots, "11-quiz-failed"), {}});
    steps.push_back({"Esc closes it", [] { key(WXK_ESCAPE); },
                     [] { return find_quiz_window() == nullptr; }, std::chrono::milliseconds(300)});
    return steps;
}

}  // namespace lectern::desktop
