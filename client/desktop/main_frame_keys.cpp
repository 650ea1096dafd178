// Keyboard routing of the main window: what each key does depends on where the focus is
// and what the content area shows. Menu accelerators (Ctrl+K, Ctrl+L, Ctrl+P, Alt+Left)
// are in main_frame.cpp.

#include <wx/srchctrl.h>
#include <wx/textctrl.h>

#include "main_frame.hpp"
#include "script_controller.hpp"
#include "search_panel.hpp"
#include "sync_controller.hpp"

namespace lectern::desktop {

namespace {

bool is_within(const wxWindow* window, const wxWindow* ancestor) {
    for (; window; window = window->GetParent()) {
        if (window == ancestor) return true;
    }
    return false;
}

// 1..9 for the number keys of the main row and the keypad, else 0.
int number_key(const wxKeyEvent& event) {
    const int code = event.GetKeyCode();
    if (code >= '0' && code <= '9') return code - '0';
    if (code >= WXK_NUMPAD0 && code <= WXK_NUMPAD9) return code - WXK_NUMPAD0;
    return -1;
}

}  // namespace

bool MainFrame::focus_in_search() const {
    return is_within(wxWindow::FindFocus(), search_);
}

bool MainFrame::focus_in_text() const {
    const wxWindow* focus = wxWindow::FindFocus();
    return focus_in_search() || dynamic_cast<const wxTextCtrl*>(focus) != nullptr;
}

bool MainFrame::handle_script_key(wxKeyEvent& event) {
    if (view_ != View::Script || event.GetModifiers() != wxMOD_NONE) return false;
    const int number = number_key(event);
    if (number == 0) {
        script_->toggle_whole();
        return true;
    }
    if (number >= 1) {
        script_->choose(static_cast<std::size_t>(number - 1));
        return true;  // a number without an answer does nothing, quietly
    }
    return false;
}

void MainFrame::on_char_hook(wxKeyEvent& event) {
    const int code = event.GetKeyCode();
    const int mods = event.GetModifiers();
    if (locked()) {
        event.Skip();  // only the lock panel's passphrase field takes keys
        return;
    }
    if (focus_in_search()) {
        if (code == WXK_ESCAPE) {
            search_key_time_.reset();  // no results follow: never time the next search by it
            leave_search();
        } else if (code == WXK_RETURN || code == WXK_NUMPAD_ENTER) {
            search_panel_->open_selected();
        } else if (code == WXK_DOWN || code == WXK_UP) {
            search_panel_->move_selection(code == WXK_DOWN ? 1 : -1);
        } else {
            // A key that edits the query: timed until its results are on screen.
            search_key_time_ = std::chrono::steady_clock::now();
            event.Skip();
        }
        return;
    }
    if (view_ == View::Search && (code == WXK_RETURN || code == WXK_NUMPAD_ENTER)) {
        search_panel_->open_selected();
        return;
    }
    if (focus_in_text()) {
        event.Skip();
        return;
    }
    if (code == WXK_ESCAPE && mods == wxMOD_NONE && sync_->running()) {
        cancel_sync();  // Esc stops what is under way first, as in a browser; then it goes back
    } else if (code == WXK_F5 && mods == wxMOD_NONE) {
        sync_now();  // also the menu item's accelerator (see Alt+Left below)
    } else if (code == 'A' && mods == (wxMOD_CONTROL | wxMOD_SHIFT)) {
        show_records_set_aside();  // also the menu item's accelerator, which Xvfb may not fire
    } else if ((code == WXK_RETURN || code == WXK_NUMPAD_ENTER) && mods == wxMOD_CONTROL) {
        sign_current();  // also the Sign menu item's accelerator, which Xvfb may not fire
    } else if (code == '/' && (mods == wxMOD_NONE || mods == wxMOD_SHIFT)) {
        focus_search();
    } else if (code == WXK_ESCAPE || (code == WXK_BACK && mods == wxMOD_NONE) ||
               (code == WXK_LEFT && mods == wxMOD_ALT)) {
        // Alt+Left is the Back menu item's accelerator too, but under Xvfb the accelerator
        // did not fire while the page view had the focus: handled here as well.
        go_back();
    } else if (!handle_script_key(event)) {
        event.Skip();
    }
}

}  // namespace lectern::desktop
