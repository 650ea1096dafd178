#include "lock_panel.hpp"

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "html_theme.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

LockPanel::LockPanel(wxWindow* parent) : wxPanel(parent) {
    SetName("lock-panel");
    SetBackgroundColour(wxColour(kPanelColour));
    auto* title = new wxStaticText(this, wxID_ANY, _("Lectern is locked"));
    title->SetForegroundColour(wxColour(kHeadingColour));
    title->SetFont(title->GetFont().Scaled(1.8f).Bold());
    message_ = new wxStaticText(this, wxID_ANY, wxString());
    field_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(320, -1),
                            wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    field_->SetName("lock-passphrase");
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    status_->SetForegroundColour(wxColour(kWarningColour));

    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(title, 0, wxALIGN_CENTER | wxBOTTOM, 16);
    column->Add(message_, 0, wxALIGN_CENTER | wxBOTTOM, 12);
    column->Add(field_, 0, wxALIGN_CENTER | wxBOTTOM, 8);
    column->Add(status_, 0, wxALIGN_CENTER);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddStretchSpacer();
    sizer->Add(column, 0, wxALIGN_CENTER);
    sizer->AddStretchSpacer();
    SetSizer(sizer);

    field_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (!on_unlock) return;
        const std::string passphrase = from_wx(field_->GetValue());
        field_->Clear();
        on_unlock(passphrase);
    });
}

void LockPanel::reset(bool has_key) {
    has_key_ = has_key;
    field_->Clear();
    field_->Enable();
    field_->Show(has_key);
    status_->SetLabel(wxString());
    message_->SetLabel(
        has_key
            // TRANSLATORS: on the lock screen; the passphrase is the one of the signing key.
            ? _("The content is hidden after a while without input. Type your passphrase and "
                "press Enter.")
            : _("The content is hidden after a while without input. There is no signing key on "
                "this computer yet (File \u2192 Signing key), so press Enter to continue."));
    Layout();
}

void LockPanel::show_checking() {
    field_->Disable();
    status_->SetLabel(_("Checking\u2026"));
    Layout();
}

void LockPanel::show_wrong() {
    field_->Enable();
    field_->SetFocus();
    status_->SetLabel(_("That is not your passphrase. Try again."));
    Layout();
}

void LockPanel::show_error(const std::string& message) {
    field_->Enable();
    field_->SetFocus();
    status_->SetLabel(to_wx(message));
    Layout();
}

void LockPanel::focus_field() {
    if (has_key_) {
        field_->SetFocus();
    } else {
        SetFocus();
    }
}

}  // namespace lectern::desktop
