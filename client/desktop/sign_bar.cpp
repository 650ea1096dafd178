#include "sign_bar.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "html_theme.hpp"

namespace lectern::desktop {

SignBar::SignBar(wxWindow* parent) : wxPanel(parent) {
    SetName("sign-bar");
    message_ = new wxStaticText(this, wxID_ANY, wxString());
    message_->SetName("sign-state");
    // TRANSLATORS: the button at the end of a procedure that signs it (Ctrl+Enter).
    sign_label_ = _("I have &read and understood");
    button_ = new wxButton(this, wxID_ANY, sign_label_);
    button_->SetName("sign-button");
    button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if ((mode_ == Mode::Ready || mode_ == Mode::QuizFirst) && on_sign) on_sign();
    });
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(message_, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, 16);
    sizer->Add(button_, 0, wxALL, 8);
    SetSizer(sizer);
    Hide();
}

void SignBar::show_state(Mode mode, const wxString& message) {
    mode_ = mode;
    message_->SetLabel(message);
    const bool signed_now = mode == Mode::Signed;
    message_->SetForegroundColour(wxColour(
        signed_now ? kHeadingColour : (mode == Mode::Unavailable ? kMutedColour : kWarningColour)));
    // TRANSLATORS: the button under a procedure gated by a quiz: it opens the quiz.
    button_->SetLabel(mode == Mode::QuizFirst ? _("Take the &quiz") : sign_label_);
    button_->Show(mode == Mode::ReadFirst || mode == Mode::Ready || mode == Mode::Signing ||
                  mode == Mode::QuizFirst);
    button_->Enable(mode == Mode::Ready || mode == Mode::QuizFirst);
    Show(mode != Mode::Hidden);
    Layout();
    if (GetParent()) GetParent()->Layout();
}

wxString SignBar::message() const {
    return message_->GetLabel();
}

}  // namespace lectern::desktop
