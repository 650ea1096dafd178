#include "first_start_dialog.hpp"

#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "html_theme.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

FirstStartDialog::FirstStartDialog(wxWindow* parent, bool can_sign_in)
    : wxDialog(parent, wxID_ANY, _("Welcome to Lectern")), can_sign_in_(can_sign_in) {
    SetName("first-start-dialog");
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("Lectern shows your team's procedures, call scripts and lessons, and works offline."));
    intro->Wrap(460);
    sample_ = new wxRadioButton(this, wxID_ANY, _("&Use the sample content offline"),
                                wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    sample_->SetName("first-start-sample");
    auto* sample_note = new wxStaticText(
        this, wxID_ANY,
        _("A sample team's documents, on this computer only; your sign-offs stay here."));
    sample_note->SetForegroundColour(wxColour(kMutedColour));
    sign_in_ = new wxRadioButton(this, wxID_ANY, _("&Sign in to a server"));
    server_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(300, -1));
    server_->SetHint("https://lectern.example.org");
    user_ = new wxTextCtrl(this, wxID_ANY);
    password_ =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    auto* grid = new wxFlexGridSizer(2, 8, 8);
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Server")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(server_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("User")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(user_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Password")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(password_, 1, wxEXPAND);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, 0, wxALL, 16);
    sizer->Add(sample_, 0, wxLEFT | wxRIGHT, 16);
    sizer->Add(sample_note, 0, wxLEFT | wxRIGHT | wxBOTTOM, 32);
    sizer->Add(sign_in_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 16);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 40);
    if (!can_sign_in) {
        auto* later = new wxStaticText(
            this, wxID_ANY, _("This version cannot sign in yet: use the sample content for now."));
        later->SetForegroundColour(wxColour(kMutedColour));
        sizer->Add(later, 0, wxLEFT | wxRIGHT | wxTOP, 40);
    }
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(sizer);
    sample_->SetValue(true);
    sign_in_->Enable(can_sign_in);
    sample_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { update_fields(); });
    sign_in_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { update_fields(); });
    update_fields();
    sample_->SetFocus();
}

void FirstStartDialog::update_fields() {
    const bool sign_in = can_sign_in_ && sign_in_->GetValue();
    server_->Enable(sign_in);
    user_->Enable(sign_in);
    password_->Enable(sign_in);
}

bool FirstStartDialog::use_sample() const {
    return sample_->GetValue();
}

std::string FirstStartDialog::server() const {
    return from_wx(server_->GetValue());
}

std::string FirstStartDialog::user() const {
    return from_wx(user_->GetValue());
}

}  // namespace lectern::desktop
