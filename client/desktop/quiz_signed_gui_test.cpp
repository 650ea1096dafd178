// GUI test of a quiz recorded in the app, on a space of a server (offline) whose security quiz
// gates the VPN procedure: the procedure's sign bar sends the agent to the quiz; an attempt
// left with Esc fails, lists the sections to reread and, its passphrase dialog cancelled, leaves
// nothing in the ledger; a passed one, after a wrong passphrase, is signed into the local ledger exactly
// as `lectern quiz take` records it, shows "signed" (queued), and the sign bar under the
// procedure then lets the agent read it and sign. Keys only, after the key is made.

#include <wx/app.h>

#include "gui_test_steps.hpp"
#include "ledger/keys.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/record.hpp"
#include "ledger/signoff_status.hpp"
#include "main_frame.hpp"
#include "quiz/attempt_records.hpp"
#include "quiz_window.hpp"
#include "unlocker.hpp"

namespace lectern::desktop {

using namespace gui_test;

namespace {

using State = quiz::QuizRunner::State;
using Record = QuizSession::Record;
const char* const kPassphrase = "correct horse";

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

bool dialog_open() {
    return wxWindow::FindWindowByName("sign-passphrase") != nullptr;
}

bool quiz_in_state(State state) {
    const QuizSession* s = quiz_session();
    return s && s->state() == state;
}

bool recorded_as(Record record) {
    const QuizSession* s = quiz_session();
    return s && s->record() == record;
}

// The quiz attempts in this machine's ledger of the space (the test space's origin names it
// "northwind"), read back as the reports read them.
std::vector<quiz::RecordedAttempt> attempts_in_ledger() {
    const auto ledger = ledger::LocalLedger::open(ledger::local_ledger_dir("northwind"));
    if (!ledger) return {};
    const auto records = ledger::ledger_records(*ledger);
    for (const auto& stored : records) {
        if (!ledger::verify_signature(stored.record)) return {};
    }
    return quiz::recorded_attempts(records);
}

}  // namespace

std::vector<GuiTestDriver::Step> quiz_signed_scenario(MainFrame& frame, const std::string& shots) {
    auto steps = opening(frame);
    steps.push_back({"this computer has a signing key (as File > Signing key makes)",
                     [] {
                         const SigningIdentity who = signing_identity();
                         const auto key =
                             ledger::seal_key(ledger::SigningKey::generate(), who.user, who.device,
                                              secure_copy(kPassphrase), ledger::KdfCost::minimum());
                         std::filesystem::create_directories(who.key_file.parent_path());
                         ledger::save_key(who.key_file, key);
                     },
                     [] { return std::filesystem::exists(signing_identity().key_file); }});
    for (auto& step : search_and_open(frame, "vpn", "vpn-security")) steps.push_back(step);
    std::vector<Step> gated{
        {"the sign bar says the quiz must be passed first",
         {},
         [&frame] {
             return frame.standing_known() && frame.sign_waits_for_quiz() &&
                    has(frame.sign_message(), "Home-working security basics") &&
                    !frame.sign_ready();
         }},
        {"screenshot: the procedure waits for the quiz", screenshot(shots, "01-quiz-first"), {}},
        {"Ctrl+Enter opens the quiz", [] { key(WXK_RETURN, wxMOD_CONTROL); },
         [] { return quiz_in_state(State::Question); }, std::chrono::milliseconds(300)},
    };
    steps.insert(steps.end(), gated.begin(), gated.end());
    std::vector<Step> failed{
        {"Esc at the first question ends the attempt there (it counts, unanswered)",
         [] { key(WXK_ESCAPE); }, [] { return quiz_in_state(State::Finished); },
         std::chrono::milliseconds(200)},
        {"failed: the result lists the sections to reread, then the passphrase is asked for",
         {},
         [] {
             const QuizSession* s = quiz_session();
             return s && s->state() == State::Finished && !s->runner().attempt().passed &&
                    has(s->page_html(), "lectern://document/vpn-security#") && dialog_open();
         },
         std::chrono::milliseconds(300)},
        {"screenshot: failed, passphrase asked", screenshot(shots, "03-failed-passphrase"), {}},
        {"Esc cancels the dialog: nothing recorded", [] { key(WXK_ESCAPE); },
         [] {
             return !dialog_open() && recorded_as(Record::Unsigned) && attempts_in_ledger().empty();
         },
         std::chrono::milliseconds(300)},
        {"screenshot: not recorded", screenshot(shots, "04-not-recorded"), {}},
        {"Esc closes the quiz", [] { key(WXK_ESCAPE); },
         [] { return find_quiz_window() == nullptr; }, std::chrono::milliseconds(400)},
        {"nothing in the ledger: the sign bar still sends the agent to the quiz",
         {},
         [&frame] { return frame.sign_waits_for_quiz() && attempts_in_ledger().empty(); }},
        {"Ctrl+Enter opens it again", [] { key(WXK_RETURN, wxMOD_CONTROL); },
         [] { return quiz_in_state(State::Question); }, std::chrono::milliseconds(300)},
    };
    steps.insert(steps.end(), failed.begin(), failed.end());
    take_quiz(steps, true, shots, "05-right");
    std::vector<Step> passed{
        {"passed: the passphrase is asked for",
         {},
         [] {
             const QuizSession* s = quiz_session();
             return s && s->state() == State::Finished && s->runner().attempt().passed &&
                    dialog_open();
         },
         std::chrono::milliseconds(300)},
        {"a wrong passphrase records nothing",
         [] {
             type("wrong horse");
             key(WXK_RETURN);
         },
         [] {
             return !dialog_open() && recorded_as(Record::WrongPassphrase) &&
                    has(quiz_session()->page_html(), "Wrong passphrase") &&
                    attempts_in_ledger().empty();
         }},
        {"Enter asks again", [] { key(WXK_RETURN); }, [] { return dialog_open(); },
         std::chrono::milliseconds(300)},
        {"the right passphrase signs: queued until the next sync",
         [] {
             type(kPassphrase);
             key(WXK_RETURN);
         },
         [] {
             const QuizSession* s = quiz_session();
             return !dialog_open() && recorded_as(Record::Queued) &&
                    has(s->page_html(), "Signed \u2713");
         }},
        {"screenshot: signed", screenshot(shots, "06-signed"), {}},
        {"the local ledger holds the signed attempt as it was taken",
         {},
         [] {
             const auto attempts = attempts_in_ledger();
             const QuizWindow* w = find_quiz_window();
             if (!w || attempts.size() != 1) return false;
             const auto& recorded = attempts.front();
             const auto& taken = w->session()->runner().attempt();
             return recorded.record_id == w->record_id() && recorded.attempt.passed &&
                    recorded.attempt.quiz_id == "security-basics" &&
                    recorded.attempt.seed == taken.seed &&
                    recorded.attempt.score_permille == taken.score_permille &&
                    recorded.attempt.questions.size() == taken.questions.size();
         }},
        {"Esc closes the quiz", [] { key(WXK_ESCAPE); },
         [] { return find_quiz_window() == nullptr; }, std::chrono::milliseconds(400)},
        {"the sign bar no longer waits for the quiz: read it to the end",
         {},
         [&frame] {
             return !frame.sign_waits_for_quiz() && !frame.sign_ready() &&
                    has(frame.sign_message(), "to the end");
         }},
    };
    steps.insert(steps.end(), passed.begin(), passed.end());
    for (auto& step : read_to_the_end()) steps.push_back(step);
    std::vector<Step> sign{
        {"read to the end: the button signs", {}, [&frame] { return frame.sign_ready(); }},
        {"screenshot: ready to sign after the quiz", screenshot(shots, "07-ready-to-sign"), {}},
    };
    steps.insert(steps.end(), sign.begin(), sign.end());
    return steps;
}

}  // namespace lectern::desktop
