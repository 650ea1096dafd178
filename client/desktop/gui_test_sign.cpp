// GUI test scenario of a sign-off on the sample content offline: the VPN procedure opened from
// search, the sign button waiting until the whole text was paged through, a wrong passphrase
// refused, the right one signing into the local ledger, the library badge and the path
// progress moving. Everything after making the key is done with keys.

#include <wx/app.h>

#include "gui_test_steps.hpp"
#include "main_frame.hpp"
#include "unlocker.hpp"

namespace lectern::desktop {

using namespace gui_test;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

bool dialog_open() {
    return wxWindow::FindWindowByName("sign-passphrase") != nullptr;
}

}  // namespace

namespace gui_test {

std::vector<Step> make_signing_key(MainFrame& frame) {
    return {
        {"this computer gets a signing key",
         [&frame] { frame.CallAfter([&frame] { frame.set_up_signing_key(); }); },
         [] { return wxWindow::FindWindowByName("enroll-first") != nullptr; },
         std::chrono::milliseconds(400)},
        {"typing the passphrase twice and Enter makes the key",
         [] {
             type("correct horse");
             key(WXK_TAB);
             type("correct horse");
             key(WXK_RETURN);
         },
         [&frame] {
             std::error_code ec;
             return !frame.enrolling() && std::filesystem::exists(signing_identity().key_file, ec);
         }},
    };
}

std::vector<Step> read_to_the_end() {
    // Opened from search, the page starts at the searched word: Home, then Page Down through
    // the text, each press showing the next screenful.
    std::vector<Step> steps{{"Home", [] { key(WXK_HOME); }, {}, std::chrono::milliseconds(200)}};
    for (int i = 0; i < 25; ++i) {
        steps.push_back(
            {"Page Down", [] { key(WXK_PAGEDOWN); }, {}, std::chrono::milliseconds(200)});
    }
    return steps;
}

}  // namespace gui_test

std::vector<Step> sign_scenario(MainFrame& frame, const std::string& shots) {
    auto steps = opening(frame);
    std::vector<Step> more{
        {"the ledger is read: the VPN procedure is badged unsigned in the library",
         {},
         [&frame] {
             return frame.standing_known() && has(frame.library_label("vpn-security"), "unsigned");
         }},
    };
    steps.insert(steps.end(), more.begin(), more.end());
    for (auto& step : make_signing_key(frame)) steps.push_back(step);
    for (auto& step : search_and_open(frame, "vpn", "vpn-security")) steps.push_back(step);
    std::vector<Step> reading{
        {"the sign bar asks to read to the end first",
         {},
         [&frame] { return !frame.sign_ready() && has(frame.sign_message(), "to the end"); }},
        {"screenshot: the procedure before reading", screenshot(shots, "01-read-first"), {}},
        {"Ctrl+Enter before the end asks for nothing", [] { key(WXK_RETURN, wxMOD_CONTROL); },
         [] { return !dialog_open(); }, std::chrono::milliseconds(400)},
    };
    steps.insert(steps.end(), reading.begin(), reading.end());
    for (auto& step : read_to_the_end()) steps.push_back(step);
    std::vector<Step> signing{
        {"the whole text was on screen: the button signs",
         {},
         [&frame] { return frame.sign_ready(); }},
        {"screenshot: ready to sign", screenshot(shots, "02-ready-to-sign"), {}},
        {"Ctrl+Enter asks for the passphrase", [] { key(WXK_RETURN, wxMOD_CONTROL); },
         [] { return dialog_open(); }, std::chrono::milliseconds(400)},
        {"screenshot: the passphrase", screenshot(shots, "03-passphrase"), {}},
        {"a wrong passphrase signs nothing",
         [] {
             type("wrong horse");
             key(WXK_RETURN);
         },
         [&frame] {
             return !dialog_open() && has(frame.sign_message(), "nothing was signed") &&
                    frame.sign_ready();
         }},
        {"still unsigned in the library",
         {},
         [&frame] { return has(frame.library_label("vpn-security"), "unsigned"); }},
        {"Ctrl+Enter again", [] { key(WXK_RETURN, wxMOD_CONTROL); }, [] { return dialog_open(); },
         std::chrono::milliseconds(400)},
        {"the right passphrase signs: the signed state shows at once",
         [] {
             type("correct horse");
             key(WXK_RETURN);
         },
         [&frame] { return frame.shows_signed() && has(frame.sign_message(), "\u2713"); }},
        {"the badge is gone from the library",
         {},
         [&frame] {
             const std::string label = frame.library_label("vpn-security");
             return !label.empty() && !has(label, "unsigned");
         }},
        {"screenshot: signed", screenshot(shots, "04-signed"), {}},
        {"Ctrl+P: My path counts the signed procedure", [] { key('P', wxMOD_CONTROL); },
         [&frame] {
             return frame.current_view() == View::Path &&
                    frame.path_progress_text().starts_with("1 of ");
         }},
        {"what comes next is another item",
         {},
         [&frame] {
             const std::string text = frame.path_progress_text();
             return has(text, "Next:") && !has(text, "VPN");
         }},
        {"screenshot: path progress", screenshot(shots, "05-path-progress"), {}},
    };
    steps.insert(steps.end(), signing.begin(), signing.end());
    return steps;
}

}  // namespace lectern::desktop
