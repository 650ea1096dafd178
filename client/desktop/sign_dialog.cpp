#include "sign_dialog.hpp"

#include <utility>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "wx_text.hpp"

namespace lectern::desktop {

SignDialog::SignDialog(wxWindow* parent, const wxString& what)
    : wxDialog(parent, wxID_ANY, _("Sign")) {
    SetName("sign-dialog");
    auto* text = new wxStaticText(this, wxID_ANY, what);
    text->Wrap(460);
    field_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(320, -1),
                            wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    field_->SetName("sign-passphrase");
    // Enter in the field is OK: the whole signature by keyboard.
    field_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (Validate() && TransferDataFromWindow()) EndModal(wxID_OK);
    });
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("&Passphrase")), 0,
             wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    row->Add(field_, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(text, 0, wxALL, 16);
    sizer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT, 16);
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(sizer);
    if (auto* ok = FindWindow(wxID_OK)) {
        // TRANSLATORS: the button that signs, in the passphrase dialog.
        ok->SetLabel(_("&Sign"));
    }
    field_->SetFocus();
}

bool SignDialog::TransferDataFromWindow() {
    passphrase_ = from_wx(field_->GetValue());
    field_->Clear();
    return true;
}

std::string SignDialog::take_passphrase() {
    return std::exchange(passphrase_, std::string());
}

}  // namespace lectern::desktop
