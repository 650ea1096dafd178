// GUI test scenario of records set aside, run by tests/gui/desktop_sync_gui_test.cpp: the
// agent signed the VPN procedure with `lectern sign`, an admin revoked the device's key, and
// `lectern sync` set the record aside. The app counts it in the status bar; Ctrl+Shift+A lists
// it with what to do, and Enter opens the procedure to sign it again.

#include <algorithm>

#include <wx/listctrl.h>
#include <wx/stattext.h>

#include "gui_test_steps.hpp"
#include "main_frame.hpp"
#include "sync_controller.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

using namespace gui_test;

namespace {

wxListCtrl* set_aside_list() {
    return dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("set-aside-list"));
}

std::string detail_text() {
    auto* detail = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("set-aside-detail"));
    if (!detail) return {};
    std::string text = from_wx(detail->GetLabel());
    std::replace(text.begin(), text.end(), '\n', ' ');  // Wrap() breaks the lines
    return text;
}

}  // namespace

std::vector<Step> set_aside_scenario(MainFrame& frame, const std::string& shots) {
    auto steps = opening(frame);
    std::vector<Step> more{
        {"after the sync on start the status bar counts the record set aside",
         {},
         [&frame] {
             return frame.sync_controller().syncs_completed() >= 1 &&
                    from_wx(frame.sync_controller().status()).find("1 record set aside") !=
                        std::string::npos;
         },
         std::chrono::milliseconds(300),
         std::chrono::seconds(90)},
        {"screenshot: status bar", screenshot(shots, "01-status-bar"), {}},
        {"Ctrl+Shift+A lists it and says what to do", [] { key('A', wxMOD_CONTROL | wxMOD_SHIFT); },
         [] {
             auto* list = set_aside_list();
             return list && list->IsShownOnScreen() && list->GetItemCount() == 1 &&
                    from_wx(list->GetItemText(0)) == "VPN and workstation security" &&
                    detail_text().find("Sign the document again") != std::string::npos;
         },
         std::chrono::milliseconds(500)},
        {"screenshot: records set aside", screenshot(shots, "02-records-set-aside"), {}},
        {"Enter opens the procedure to sign it again", [] { key(WXK_RETURN); },
         [&frame] {
             return set_aside_list() == nullptr && frame.current_view() == View::Document &&
                    frame.current_id() == "vpn-security" &&
                    frame.library_label("vpn-security").find("unsigned") != std::string::npos;
         },
         std::chrono::milliseconds(400)},
        {"screenshot: the procedure to sign again", screenshot(shots, "03-sign-again"), {}},
    };
    steps.insert(steps.end(), more.begin(), more.end());
    return steps;
}

}  // namespace lectern::desktop
