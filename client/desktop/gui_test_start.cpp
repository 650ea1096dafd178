// GUI test scenarios of the first start: the choice dialog, the sample content offline, then
// Preferences changed by keyboard (run_gui_test.cmake checks the settings file afterwards);
// signing in to the real server (tests/gui/desktop_sync_gui_test.cpp starts it and gives its
// address and an account through the environment), and the next start opening that space.

#include <cstdlib>

#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/uiaction.h>

#include "gui_test_steps.hpp"
#include "main_frame.hpp"
#include "settings.hpp"
#include "sync/local_paths.hpp"
#include "sync_controller.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

using namespace gui_test;

namespace {

// Without a window manager, X gives the keyboard to the window under the pointer.
void pointer_to(const char* window_name) {
    if (auto* window = wxWindow::FindWindowByName(window_name)) {
        const wxRect r = window->GetScreenRect();
        wxUIActionSimulator mouse;
        mouse.MouseMove(r.GetPosition() + wxPoint(r.width / 2, r.height / 2));
    }
}

bool window_shown(const char* name) {
    auto* window = wxWindow::FindWindowByName(name);
    return window && window->IsShownOnScreen();
}

// After a dialog closes, the keyboard goes back to the main window under the pointer.
Step pointer_on_window(MainFrame& frame) {
    return {"the pointer on the window",
            [&frame] {
                wxUIActionSimulator mouse;
                mouse.MouseMove(frame.GetScreenRect().GetPosition() +
                                wxPoint(frame.GetSize().x / 2, 200));
            },
            {},
            std::chrono::milliseconds(300)};
}

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

std::string label_of(const char* name) {
    auto* text = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName(name));
    return text ? from_wx(text->GetLabel()) : std::string();
}

bool radio_chosen(const char* name) {
    auto* radio = dynamic_cast<wxRadioButton*>(wxWindow::FindWindowByName(name));
    return radio && radio->GetValue();
}

// The synced space is open, synced, and is the one under the sync client's folders.
std::function<bool()> synced_space_open(MainFrame& frame) {
    return [&frame] {
        const std::string space = frame.settings().synced_space();
        return !space.empty() && frame.space_ready() && frame.index_settled() &&
               frame.sync_controller().syncs_completed() >= 1 &&
               frame.sync_controller().content_root() == sync::space_paths(space).content &&
               frame.sync_controller().status().StartsWith("Last sync");
    };
}

}  // namespace

std::vector<Step> sign_in_scenario(MainFrame& frame, const std::string& shots) {
    const std::string server = environment("LECTERN_GUI_SERVER");
    const std::string user = environment("LECTERN_GUI_USER");
    const std::string password = environment("LECTERN_GUI_PASSWORD");
    std::vector<Step> steps{
        {"the first start asks: sign in, or the sample offline",
         {},
         [] { return window_shown("first-start-dialog"); },
         std::chrono::milliseconds(400)},
        {"the pointer on the dialog",
         [] { pointer_to("first-start-dialog"); },
         {},
         std::chrono::milliseconds(300)},
        {"Down chooses signing in", [] { key(WXK_DOWN); },
         [] { return radio_chosen("first-start-sign-in"); }, std::chrono::milliseconds(300)},
        {"Tab, the server; Tab, the user; Tab, a wrong password; Enter",
         [server, user] {
             key(WXK_TAB);
             type(server.c_str());
             key(WXK_TAB);
             type(user.c_str());
             key(WXK_TAB);
             type("not-the-password");
             key(WXK_RETURN);
         },
         [] {
             const std::string said = label_of("first-start-message");
             return window_shown("first-start-dialog") && !said.empty() &&
                    said.find("Signing in") == std::string::npos;
         },
         std::chrono::milliseconds(300), std::chrono::seconds(30)},
        {"the dialog says the password was refused",
         {},
         [] {
             const std::string said = label_of("first-start-message");
             return said.find("password") != std::string::npos ||
                    said.find("401") != std::string::npos;
         }},
        {"screenshot: refused", screenshot(shots, "01-wrong-password"), {}},
        {"the right password replaces the selected wrong one; Enter signs in and the first sync "
         "opens the space",
         [password] {
             type(password.c_str());
             key(WXK_RETURN);
         },
         synced_space_open(frame), std::chrono::milliseconds(600), std::chrono::seconds(120)},
        pointer_on_window(frame),
    };
    for (auto& step : search_and_open(frame, "vpn", "vpn-security")) steps.push_back(step);
    steps.push_back({"screenshot: signed in", screenshot(shots, "02-signed-in"), {}});
    return steps;
}

std::vector<Step> synced_start_scenario(MainFrame& frame, const std::string& shots) {
    std::vector<Step> steps{
        {"no dialog: the space signed in to opens and syncs",
         {},
         [&frame] { return !window_shown("first-start-dialog") && synced_space_open(frame)(); },
         std::chrono::milliseconds(600),
         std::chrono::seconds(90)},
        {"screenshot: the next start", screenshot(shots, "03-next-start"), {}},
    };
    return steps;
}

std::vector<Step> first_start_scenario(MainFrame& frame, const std::string& shots) {
    std::vector<Step> steps{
        {"the first start asks: sign in, or the sample offline",
         {},
         [] { return window_shown("first-start-dialog"); },
         std::chrono::milliseconds(400)},
        {"the pointer on the dialog",
         [] { pointer_to("first-start-dialog"); },
         {},
         std::chrono::milliseconds(300)},
        {"screenshot: first start", screenshot(shots, "01-first-start"), {}},
        {"Enter takes the sample content, offline", [] { key(WXK_RETURN); },
         [&frame] {
             return !window_shown("first-start-dialog") && frame.space_ready() &&
                    frame.index_settled();
         },
         std::chrono::milliseconds(600)},
        pointer_on_window(frame),
    };
    for (auto& step : search_and_open(frame, "vpn", "vpn-security")) steps.push_back(step);
    std::vector<Step> more{
        {"Ctrl+, opens Preferences", [] { key(',', wxMOD_CONTROL); },
         [] { return window_shown("preferences-dialog"); }, std::chrono::milliseconds(400)},
        {"the pointer on the dialog",
         [] { pointer_to("preferences-dialog"); },
         {},
         std::chrono::milliseconds(300)},
        {"server, Tab, sync minutes, Tab, text size",
         [] {
             type("https://lectern.example.org");
             key(WXK_TAB);
             key('A', wxMOD_CONTROL);
             type("30");
             key(WXK_TAB);
             key('A', wxMOD_CONTROL);
             type("14");
         },
         {},
         std::chrono::milliseconds(400)},
        {"screenshot: preferences", screenshot(shots, "02-preferences"), {}},
        {"Enter keeps them", [] { key(WXK_RETURN); },
         [&frame] {
             const auto& s = frame.settings();
             return !window_shown("preferences-dialog") &&
                    s.server_url() == "https://lectern.example.org" &&
                    s.sync_interval_minutes() == 30 && s.font_size() == 14;
         }},
        {"Ctrl+K, 'refund' is the last search",
         [] {
             key('K', wxMOD_CONTROL);
             type("refund");
         },
         [&frame] { return result_listed(frame, "refund-request"); }},
        {"Esc returns to the procedure", [] { key(WXK_ESCAPE); },
         showing(frame, View::Document, "vpn-security")},
    };
    steps.insert(steps.end(), more.begin(), more.end());
    return steps;
}

}  // namespace lectern::desktop
