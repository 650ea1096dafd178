// GUI test scenario of the first start: the choice dialog, the sample content offline, then
// Preferences changed by keyboard (run_gui_test.cmake checks the settings file afterwards).

#include <wx/uiaction.h>

#include "gui_test_steps.hpp"
#include "main_frame.hpp"
#include "settings.hpp"

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

}  // namespace

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
        {"the pointer on the window",
         [&frame] {
             wxUIActionSimulator mouse;
             mouse.MouseMove(frame.GetScreenRect().GetPosition() +
                             wxPoint(frame.GetSize().x / 2, 200));
         },
         {},
         std::chrono::milliseconds(300)},
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
