// The main window's menus: every command has a menu item, so every command has a key and
// a place a person can find it.

#include <wx/intl.h>
#include <wx/menu.h>

#include "library_panel.hpp"
#include "main_frame.hpp"

namespace lectern::desktop {

namespace {

enum MenuId {
    kIdSearch = wxID_HIGHEST + 1,
    kIdLibrary,
    kIdPath,
    kIdBack,
    kIdLinks,
    kIdLarger,
    kIdSmaller,
    kIdKeys,
    kIdHistory,
    kIdSigningKey,
    kIdLock,
    kIdSign,
    kIdSyncNow,
    kIdCancelSync,
    kIdSetAside,
};

}  // namespace

void MainFrame::build_menu() {
    auto* file = new wxMenu;
    // TRANSLATORS: menu item: make the key sign-offs are signed with.
    file->Append(kIdSigningKey, _("Signing &key\u2026"));
    // TRANSLATORS: menu item: hide the content until the passphrase is typed.
    file->Append(kIdLock, _("&Lock now\tCtrl+Shift+L"));
    // TRANSLATORS: menu item: sign the procedure on screen ("I have read and understood").
    file->Append(kIdSign, _("&Sign this procedure\tCtrl+Enter"));
    file->AppendSeparator();
    // TRANSLATORS: menu item: fetch new content and send signed records now.
    file->Append(kIdSyncNow, _("S&ync now\tF5"));
    file->Append(kIdCancelSync, _("&Cancel sync"));
    // TRANSLATORS: menu item: signed records the server will never accept, and what to do.
    file->Append(kIdSetAside, _("Records set &aside\u2026\tCtrl+Shift+A"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* go = new wxMenu;
    // TRANSLATORS: menu item; "/" does the same outside text boxes.
    go->Append(kIdSearch, _("&Search\tCtrl+K"));
    go->Append(kIdLibrary, _("&Library\tCtrl+L"));
    go->Append(kIdPath, _("My &path\tCtrl+P"));
    // TRANSLATORS: menu item listing the documents the open one links to.
    go->Append(kIdLinks, _("Linked &documents\tCtrl+G"));
    // TRANSLATORS: menu item: the versions of the open document and what changed.
    go->Append(kIdHistory, _("&History of this document\tCtrl+H"));
    go->AppendSeparator();
    go->Append(kIdBack, _("&Back\tAlt+Left"));
    auto* edit = new wxMenu;
    edit->Append(wxID_PREFERENCES, _("&Preferences\tCtrl+,"));
    auto* view = new wxMenu;
    view->Append(kIdLarger, _("&Larger text\tCtrl+="));
    view->Append(kIdSmaller, _("&Smaller text\tCtrl+-"));
    auto* help = new wxMenu;
    help->Append(kIdKeys, _("&Keyboard shortcuts\tF1"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(go, _("&Go"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    // Disabled menus do not stop their accelerators under GTK: while locked, no command runs.
    const auto on = [this](int id, auto action) {
        Bind(
            wxEVT_MENU,
            [this, action](wxCommandEvent&) {
                if (!locked()) action();
            },
            id);
    };
    on(wxID_EXIT, [this] { Close(); });
    on(kIdSearch, [this] { focus_search(); });
    on(kIdLibrary, [this] { library_->focus_rows(); });
    on(kIdPath, [this] { open({View::Path, {}}); });
    on(kIdBack, [this] { go_back(); });
    on(kIdLinks, [this] { show_links(); });
    on(kIdHistory, [this] { show_history(); });
    on(kIdSigningKey, [this] { set_up_signing_key(); });
    on(kIdLock, [this] { lock_now(); });
    on(kIdSign, [this] { sign_current(); });
    on(kIdSyncNow, [this] { sync_now(); });
    on(kIdCancelSync, [this] { cancel_sync(); });
    on(kIdSetAside, [this] { show_records_set_aside(); });
    on(wxID_PREFERENCES, [this] { show_preferences(); });
    on(kIdLarger, [this] { change_font_size(+1); });
    on(kIdSmaller, [this] { change_font_size(-1); });
    on(kIdKeys, [this] { open({View::Welcome, {}}); });
}

}  // namespace lectern::desktop
