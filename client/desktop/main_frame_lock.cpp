// The main window's auto-lock and signing key: locking hides every panel with content and
// the menus; the key made here is the one the lock screen and signing ask the passphrase of.

#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>

#include "enroll_dialog.hpp"
#include "ledger/keys.hpp"
#include "lock_controller.hpp"
#include "lock_panel.hpp"
#include "main_frame.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

void MainFrame::build_lock() {
    lock_ = std::make_unique<LockController>(*lock_panel_,
                                             make_key_unlocker(signing_identity().key_file),
                                             [this](bool locked) { apply_lock(locked); });
}

bool MainFrame::locked() const {
    return lock_->locked();
}

void MainFrame::lock_now() {
    lock_->lock();
}

void MainFrame::apply_lock(bool locked) {
    content_->Show(!locked);
    lock_panel_->Show(locked);
    if (auto* bar = GetMenuBar()) {
        for (std::size_t i = 0; i < bar->GetMenuCount(); ++i)
            bar->EnableTop(static_cast<int>(i), !locked);
    }
    // The status bar says what is open and how many documents: nothing of it while locked.
    if (locked) {
        SetStatusText(wxString(), 0);
        SetStatusText(wxString(), 1);
    }
    Layout();
    if (!locked) show_view(view_);
}

void MainFrame::set_up_signing_key() {
    if (enrolling_) return;
    const SigningIdentity who = signing_identity();
    std::error_code ec;
    if (std::filesystem::exists(who.key_file, ec)) {
        wxMessageBox(wxString::Format(_("This computer already has a signing key for %s."),
                                      to_wx(who.user + "@" + who.device)),
                     _("Signing key"), wxOK | wxICON_INFORMATION, this);
        return;
    }
    EnrollDialog dialog(this, to_wx(who.user + "@" + who.device));
    if (dialog.ShowModal() != wxID_OK) return;
    enrolling_ = true;
    SetStatusText(_("Making your signing key\u2026"), 1);
    auto secret = std::make_shared<ledger::SecureBuffer>(secure_copy(dialog.passphrase()));
    // Argon2id takes its time on purpose: off the UI thread.
    background_.run<bool>(
        [who, secret] {
            const auto key = ledger::SigningKey::generate();
            ledger::save_key(who.key_file, ledger::seal_key(key, who.user, who.device, *secret));
            return true;
        },
        [this](bool&) {
            enrolling_ = false;
            SetStatusText(_("Your signing key is ready."), 1);
        },
        [this](const std::string& message) {
            enrolling_ = false;
            SetStatusText(
                wxString::Format(_("The signing key could not be made: %s"), to_wx(message)), 1);
        });
}

}  // namespace lectern::desktop
