// GUI test scenario of sync, run by tests/gui/desktop_sync_gui_test.cpp against the real
// lectern-server: the app opens a synced space whose server has two changed procedures, syncs
// on start with progress, reads the space again, says what changed and what needs a signature,
// F5 syncs again with nothing new, a signature and a quiz attempt (the sample GDPR quiz) are
// sent by the syncs they start, and with the server gone the status bar says offline.

#include "gui_test_steps.hpp"
#include "main_frame.hpp"
#include "quiz_window.hpp"
#include "sync/client_config.hpp"
#include "sync_controller.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

using namespace gui_test;

namespace {
bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
}  // namespace

std::vector<Step> sync_scenario(MainFrame& frame, const std::string& shots) {
    auto steps = opening(frame);
    auto before = std::make_shared<std::size_t>(0);
    std::vector<Step> more{
        {"the sync on start completes and says what changed",
         {},
         [&frame] {
             return frame.sync_controller().syncs_completed() >= 1 && !frame.sync_summary().empty();
         },
         std::chrono::milliseconds(300),
         std::chrono::seconds(90)},
        {"progress was shown while it ran",
         {},
         [&frame] { return frame.sync_controller().progress_shown() > 0; }},
        {"two procedures updated, both need a signature",
         {},
         [&frame] {
             const std::string said = frame.sync_summary();
             return has(said, "2 procedures updated") && has(said, "2 need your signature");
         }},
        {"the status bar says when it last synced",
         {},
         [&frame] { return frame.sync_controller().status().StartsWith("Last sync"); }},
        {"the updated procedure is badged unsigned",
         {},
         [&frame] { return has(frame.library_label("vpn-security"), "unsigned"); }},
        {"screenshot: after the sync", screenshot(shots, "01-synced"), {}},
        {"F5 syncs again", [] { key(WXK_F5); },
         [&frame] { return frame.sync_controller().syncs_completed() >= 2; },
         std::chrono::milliseconds(300), std::chrono::seconds(60)},
        {"nothing new", {}, [&frame] { return frame.sync_summary() == "No changes"; }},
    };
    steps.insert(steps.end(), more.begin(), more.end());
    // A signature in a synced space is queued, then sent by the sync it starts.
    for (auto& step : make_signing_key(frame)) steps.push_back(step);
    for (auto& step : search_and_open(frame, "vpn", "vpn-security")) steps.push_back(step);
    for (auto& step : read_to_the_end()) steps.push_back(step);
    std::vector<Step> signing{
        {"Ctrl+Enter asks for the passphrase", [] { key(WXK_RETURN, wxMOD_CONTROL); },
         [] { return wxWindow::FindWindowByName("sign-passphrase") != nullptr; },
         std::chrono::milliseconds(400)},
        {"the passphrase signs; the sync it starts sends the record and the server accepts it",
         [] {
             type("correct horse");
             key(WXK_RETURN);
         },
         [&frame] {
             return frame.shows_signed() && has(frame.sign_message(), "server has the record") &&
                    !has(from_wx(frame.sync_controller().status()), "waiting");
         },
         std::chrono::milliseconds(300), std::chrono::seconds(90)},
        {"screenshot: signed and sent", screenshot(shots, "02-signed-and-sent"), {}},
    };
    steps.insert(steps.end(), signing.begin(), signing.end());
    // A quiz attempt in the app is signed and sent the same way: the sample GDPR quiz.
    auto quiz = search_and_open(frame, "GDPR basics", "gdpr-basics");
    quiz.back().until = [] {
        const QuizSession* s = quiz_session();
        return s && s->state() == quiz::QuizRunner::State::Question;
    };
    steps.insert(steps.end(), quiz.begin(), quiz.end());
    take_quiz(steps, false, shots, "03-quiz");
    std::vector<Step> attempt{
        {"the attempt ended: the passphrase signs it",
         {},
         [] { return wxWindow::FindWindowByName("sign-passphrase") != nullptr; },
         std::chrono::milliseconds(400)},
        {"the sync it starts sends the attempt and the server accepts it",
         [] {
             type("correct horse");
             key(WXK_RETURN);
         },
         [] {
             const QuizSession* s = quiz_session();
             return s && s->record() == QuizSession::Record::OnServer &&
                    has(s->page_html(), "the server has the record");
         },
         std::chrono::milliseconds(300), std::chrono::seconds(90)},
        {"screenshot: attempt sent", screenshot(shots, "04-quiz-attempt-sent"), {}},
        {"Esc closes the quiz", [] { key(WXK_ESCAPE); },
         [] { return find_quiz_window() == nullptr; }, std::chrono::milliseconds(400)},
    };
    steps.insert(steps.end(), attempt.begin(), attempt.end());
    std::vector<Step> offline{
        {"the server goes away: the settings now name a port nothing listens on",
         [&frame, before] {
             *before = frame.sync_controller().syncs_completed();
             auto config = *sync::load_client_config();
             config.server = "http://127.0.0.1:9";  // the discard port: refused at once
             sync::save_client_config(config);
         },
         {}},
        {"F5: the status bar says offline and still names the last sync", [] { key(WXK_F5); },
         [&frame, before] {
             const std::string status = from_wx(frame.sync_controller().status());
             return frame.sync_controller().syncs_completed() > *before &&
                    status.starts_with("Offline \u00b7 last sync ");
         },
         std::chrono::milliseconds(300), std::chrono::seconds(60)},
        {"screenshot: offline", screenshot(shots, "05-offline"), {}},
    };
    steps.insert(steps.end(), offline.begin(), offline.end());
    return steps;
}

}  // namespace lectern::desktop
