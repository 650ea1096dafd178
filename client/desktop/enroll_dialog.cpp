#include "enroll_dialog.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "html_theme.hpp"
#include "ledger/keys.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

EnrollDialog::EnrollDialog(wxWindow* parent, const wxString& who)
    : wxDialog(parent, wxID_ANY, _("Signing key")) {
    SetName("enroll-dialog");
    auto* text = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("Your sign-offs are signed with a key kept on this computer for %s. "
                           "Choose the passphrase that unlocks it: you will type it at each "
                           "signature and when the app is locked."),
                         who));
    text->Wrap(440);
    first_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(320, -1),
                            wxTE_PASSWORD);
    first_->SetName("enroll-first");
    second_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(320, -1),
                             wxTE_PASSWORD);
    second_->SetName("enroll-second");
    problem_ = new wxStaticText(this, wxID_ANY, wxString());
    problem_->SetForegroundColour(wxColour(kWarningColour));

    auto* grid = new wxFlexGridSizer(2, 8, 8);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Passphrase")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(first_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Again")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(second_, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(text, 0, wxALL, 16);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 16);
    sizer->Add(problem_, 0, wxALL, 16);
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(sizer);
    first_->SetFocus();
}

bool EnrollDialog::TransferDataFromWindow() {
    const std::string first = from_wx(first_->GetValue());
    if (first.size() < ledger::kMinPassphraseBytes) {
        problem_->SetLabel(wxString::Format(_("The passphrase needs at least %d characters."),
                                            static_cast<int>(ledger::kMinPassphraseBytes)));
        Layout();
        return false;
    }
    if (first != from_wx(second_->GetValue())) {
        problem_->SetLabel(_("The two passphrases differ."));
        Layout();
        return false;
    }
    passphrase_ = first;
    first_->Clear();
    second_->Clear();
    return true;
}

}  // namespace lectern::desktop
