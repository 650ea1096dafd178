#include "script_panel.hpp"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "html_theme.hpp"

namespace lectern::desktop {

namespace {
constexpr std::size_t kNumberKeys = 9;
}

ScriptPanel::ScriptPanel(wxWindow* parent) : wxPanel(parent) {
    SetBackgroundColour(*wxWHITE);
    modes_ = new wxSimplebook(this);

    // Guided mode.
    auto* guided = new wxPanel(modes_);
    guided->SetBackgroundColour(*wxWHITE);
    script_title_ = new wxStaticText(guided, wxID_ANY, wxString());
    script_title_->SetForegroundColour(wxColour(kMutedColour));
    progress_ = new wxStaticText(guided, wxID_ANY, wxString());
    progress_->SetForegroundColour(wxColour(kMutedColour));
    step_title_ = new wxStaticText(guided, wxID_ANY, wxString());
    step_title_->SetName("step-title");
    step_title_->SetForegroundColour(wxColour(kHeadingColour));
    step_title_->SetFont(step_title_->GetFont().Scaled(1.6f).Bold());
    step_view_ = new PageView(guided);
    step_view_->SetName("step-view");
    choices_ = new wxPanel(guided);
    choices_->SetBackgroundColour(*wxWHITE);
    choices_->SetSizer(new wxBoxSizer(wxVERTICAL));
    // TRANSLATORS: button; Backspace is the key that does the same.
    back_ = new wxButton(this, wxID_ANY, _("Back (Backspace)"));
    // TRANSLATORS: button; 0 is the key that does the same.
    whole_ = new wxButton(this, wxID_ANY, _("Whole script (0)"));

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(script_title_, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(progress_, 0, wxALIGN_CENTER_VERTICAL);
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    bottom->Add(back_, 0, wxRIGHT, 8);
    bottom->Add(whole_, 0);
    auto* guided_sizer = new wxBoxSizer(wxVERTICAL);
    guided_sizer->Add(top, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 16);
    guided_sizer->Add(step_title_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 16);
    guided_sizer->Add(step_view_, 1, wxEXPAND);
    guided_sizer->Add(choices_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 16);
    guided->SetSizer(guided_sizer);

    // Whole script.
    whole_view_ = new PageView(modes_);
    whole_view_->SetName("whole-script-view");

    modes_->AddPage(guided, wxString());
    modes_->AddPage(whole_view_, wxString());
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(modes_, 1, wxEXPAND);
    sizer->Add(bottom, 0, wxLEFT | wxRIGHT | wxBOTTOM, 16);
    SetSizer(sizer);

    back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_back) on_back();
    });
    whole_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (on_toggle_whole) on_toggle_whole();
    });
}

void ScriptPanel::show_step(const StepView& step) {
    Freeze();
    script_title_->SetLabel(step.script_title);
    progress_->SetLabel(step.progress);
    step_title_->SetLabel(step.step_title);
    step_view_->show(step.body_html);
    back_->Enable(step.can_go_back);
    rebuild_choices(step);
    modes_->GetPage(0)->Layout();
    Thaw();
}

void ScriptPanel::rebuild_choices(const StepView& step) {
    choice_buttons_.clear();
    auto* sizer = choices_->GetSizer();
    sizer->Clear(true);  // deletes the old buttons and labels
    if (step.choices.empty()) {
        auto* end = new wxStaticText(choices_, wxID_ANY, _("This step ends the call."));
        end->SetForegroundColour(wxColour(kMutedColour));
        sizer->Add(end, 0, wxBOTTOM, 8);
        auto* again = new wxButton(choices_, wxID_ANY, _("Start the script again"));
        again->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (on_restart) on_restart();
        });
        sizer->Add(again, 0);
        choice_buttons_.push_back(again);
    } else {
        auto* ask = new wxStaticText(choices_, wxID_ANY, _("The customer's answer:"));
        ask->SetForegroundColour(wxColour(kMutedColour));
        sizer->Add(ask, 0, wxBOTTOM, 6);
    }
    for (std::size_t i = 0; i < step.choices.size(); ++i) {
        const wxString key =
            i < kNumberKeys ? wxString::Format("%d", static_cast<int>(i + 1)) : wxString("\u00b7");
        auto* button = new wxButton(choices_, wxID_ANY, key + "    " + step.choices[i],
                                    wxDefaultPosition, wxDefaultSize, wxBU_LEFT);
        button->SetName(wxString::Format("choice-%d", static_cast<int>(i + 1)));
        button->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) {
            if (on_choose) on_choose(i);
        });
        sizer->Add(button, 0, wxEXPAND | wxBOTTOM, 4);
        choice_buttons_.push_back(button);
    }
    choices_->Layout();
}

void ScriptPanel::set_whole_script(const std::string& html) {
    whole_view_->show(html);
}

void ScriptPanel::show_whole(bool whole, const std::string& anchor) {
    modes_->SetSelection(whole ? 1 : 0);
    // TRANSLATORS: button that leaves the whole script for the step-by-step view.
    whole_->SetLabel(whole ? _("Step by step (0)") : _("Whole script (0)"));
    if (whole) {
        whole_view_->scroll_to(anchor);
        whole_view_->SetFocus();
    } else {
        focus_first_choice();
    }
}

bool ScriptPanel::showing_whole() const {
    return modes_->GetSelection() == 1;
}

void ScriptPanel::set_font_size(int points) {
    step_view_->set_font_size(points + 2);  // read aloud mid-call: a little larger
    whole_view_->set_font_size(points);
}

void ScriptPanel::focus_first_choice() {
    if (!choice_buttons_.empty()) {
        choice_buttons_.front()->SetFocus();
    } else {
        back_->SetFocus();
    }
}

}  // namespace lectern::desktop
