#include "first_start_dialog.hpp"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "common/error.hpp"
#include "html_theme.hpp"
#include "sync/sign_in.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {
constexpr int kWrap = 460;
const wxColour kProblemColour(0xB0, 0x20, 0x20);
}  // namespace

FirstStartDialog::FirstStartDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Welcome to Lectern")) {
    SetName("first-start-dialog");
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("Lectern shows your team's procedures, call scripts and lessons, and works offline."));
    intro->Wrap(kWrap);
    sample_ = new wxRadioButton(this, wxID_ANY, _("&Use the sample content offline"),
                                wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    sample_->SetName("first-start-sample");
    auto* sample_note = new wxStaticText(
        this, wxID_ANY,
        _("A sample team's documents, on this computer only; your sign-offs stay here."));
    sample_note->SetForegroundColour(wxColour(kMutedColour));
    sign_in_ = new wxRadioButton(this, wxID_ANY, _("&Sign in to a server"));
    sign_in_->SetName("first-start-sign-in");
    server_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(300, -1));
    server_->SetHint("https://lectern.example.org");
    server_->SetName("first-start-server");
    user_ = new wxTextCtrl(this, wxID_ANY);
    user_->SetName("first-start-user");
    password_ =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    password_->SetName("first-start-password");
    auto* grid = new wxFlexGridSizer(2, 8, 8);
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Se&rver")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(server_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("User")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(user_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Password")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(password_, 1, wxEXPAND);
    message_ = new wxStaticText(this, wxID_ANY, wxString());
    message_->SetName("first-start-message");

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, 0, wxALL, 16);
    sizer->Add(sample_, 0, wxLEFT | wxRIGHT, 16);
    sizer->Add(sample_note, 0, wxLEFT | wxRIGHT | wxBOTTOM, 32);
    sizer->Add(sign_in_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 16);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 40);
    sizer->Add(message_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 40);
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizer(sizer);
    SetMinSize(wxSize(kWrap + 100, -1));
    Fit();
    ok_ = dynamic_cast<wxButton*>(FindWindow(wxID_OK));
    sample_->SetValue(true);
    sample_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { update_fields(); });
    sign_in_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { update_fields(); });
    // Enter in any field is OK: the dialog's default button.
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { on_ok(); }, wxID_OK);
    update_fields();
    sample_->SetFocus();
}

void FirstStartDialog::update_fields() {
    const bool sign_in = sign_in_->GetValue() && !busy_;
    server_->Enable(sign_in);
    user_->Enable(sign_in);
    password_->Enable(sign_in);
}

void FirstStartDialog::say(const wxString& text, bool problem) {
    message_->SetLabel(text);
    message_->SetForegroundColour(problem ? kProblemColour : wxColour(kMutedColour));
    message_->Wrap(kWrap);
    Layout();
    Fit();
}

void FirstStartDialog::set_busy(bool busy) {
    busy_ = busy;
    sample_->Enable(!busy);
    sign_in_->Enable(!busy);
    if (ok_) ok_->Enable(!busy);
    update_fields();
}

void FirstStartDialog::on_ok() {
    if (busy_) return;
    if (sample_->GetValue()) {
        EndModal(wxID_OK);
        return;
    }
    if (server_->IsEmpty() || user_->IsEmpty() || password_->IsEmpty()) {
        say(_("Enter the server's address, your user name and your password."), true);
        (server_->IsEmpty() ? server_ : user_->IsEmpty() ? user_ : password_)->SetFocus();
        return;
    }
    start_sign_in();
}

void FirstStartDialog::start_sign_in() {
    const sync::SignInRequest request{from_wx(server_->GetValue().Strip(wxString::both)),
                                      from_wx(user_->GetValue().Strip(wxString::both)),
                                      from_wx(password_->GetValue()), "lectern-desktop"};
    // TRANSLATORS: in the first-start dialog while the server is asked; %s is its address.
    say(wxString::Format(_("Signing in to %s\u2026"), to_wx(request.server)), false);
    set_busy(true);
    background_.run<sync::SignedIn>(
        [request] { return sync::sign_in(request); },
        [this](sync::SignedIn& result) {
            set_busy(false);
            if (result.failure) {
                say(to_wx(result.failure->message), true);
                password_->SetFocus();
                password_->SelectAll();
                return;
            }
            password_->Clear();  // the token is saved; the password is not kept anywhere
            if (result.spaces_failure) {
                say(wxString::Format(_("Signed in, but your spaces could not be listed: %s"),
                                     to_wx(result.spaces_failure->message)),
                    true);
                return;
            }
            if (result.spaces.empty()) {
                say(_("Signed in, but you are not a member of any space yet: ask your "
                      "administrator to add you, or use the sample content for now."),
                    true);
                return;
            }
            std::size_t chosen = 0;
            if (result.spaces.size() > 1) {
                wxArrayString names;
                for (const auto& s : result.spaces) {
                    // TRANSLATORS: a space in the list to choose from, and the user's role there.
                    names.Add(wxString::Format(_("%s (%s)"), to_wx(s.space), to_wx(s.role)));
                }
                wxSingleChoiceDialog choice(this, _("Which space do you want to open?"),
                                            _("Your spaces"), names);
                choice.SetName("first-start-spaces");
                if (choice.ShowModal() != wxID_OK) {
                    say(_("Signed in. Press OK to choose a space."), false);
                    sign_in_->SetValue(true);
                    return;
                }
                chosen = static_cast<std::size_t>(choice.GetSelection());
            }
            space_ = result.spaces[chosen].space;
            EndModal(wxID_OK);
        },
        [this](const std::string& message) {
            set_busy(false);
            say(to_wx(message), true);
            server_->SetFocus();
        });
}

bool FirstStartDialog::use_sample() const {
    return sample_->GetValue();
}

}  // namespace lectern::desktop
