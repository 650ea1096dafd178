#include "preferences_dialog.hpp"

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "settings.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

const std::vector<InterfaceLanguage>& interface_languages() {
    // Each language in its own name: a person who cannot read the current one finds theirs.
    static const std::vector<InterfaceLanguage> languages{
        {"", ""},         {"en", "English"},
        {"pl", "Polski"}, {"nb", "Norsk bokm\u00e5l"},
        {"et", "Eesti"},  {"ru", "\u0420\u0443\u0441\u0441\u043a\u0438\u0439"},
    };
    return languages;
}

PreferencesDialog::PreferencesDialog(wxWindow* parent, Settings& settings)
    : wxDialog(parent, wxID_ANY, _("Preferences")), settings_(settings) {
    SetName("preferences-dialog");
    server_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(320, -1));
    server_->SetName("preferences-server");
    server_->SetHint("https://lectern.example.org");
    interval_ = new wxSpinCtrl(this, wxID_ANY);
    interval_->SetName("preferences-sync-interval");
    interval_->SetRange(Settings::kMinSyncMinutes, Settings::kMaxSyncMinutes);
    font_size_ = new wxSpinCtrl(this, wxID_ANY);
    font_size_->SetName("preferences-font-size");
    font_size_->SetRange(Settings::kMinFontSize, Settings::kMaxFontSize);
    language_ = new wxChoice(this, wxID_ANY);
    language_->SetName("preferences-language");
    for (const auto& language : interface_languages()) {
        // TRANSLATORS: the first entry of the language list.
        language_->Append(*language.code ? to_wx(language.name) : _("The system's language"));
    }

    start_ = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition,
                                  wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    start_->SetName("preferences-start-date");

    auto* grid = new wxFlexGridSizer(2, 10, 12);
    grid->AddGrowableCol(1);
    const auto row = [this, grid](const wxString& label, wxWindow* field) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(field, 1, wxEXPAND);
    };
    // TRANSLATORS: & marks the key that goes to the field with Alt.
    row(_("&Server"), server_);
    row(_("S&ync every (minutes)"), interval_);
    row(_("&Text size (points)"), font_size_);
    row(_("&Language"), language_);
    // TRANSLATORS: Preferences: My path's due dates count from this day.
    row(_("&Started on (My path)"), start_);
    auto* note =
        new wxStaticText(this, wxID_ANY, _("A new language shows the next time Lectern starts."));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 0, wxEXPAND | wxALL, 16);
    sizer->Add(note, 0, wxLEFT | wxRIGHT, 16);
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(sizer);
    server_->SetFocus();
}

bool PreferencesDialog::TransferDataToWindow() {
    server_->ChangeValue(to_wx(settings_.server_url()));
    interval_->SetValue(settings_.sync_interval_minutes());
    font_size_->SetValue(settings_.font_size());
    const std::string current = settings_.language();
    const auto& languages = interface_languages();
    int selected = 0;
    for (std::size_t i = 0; i < languages.size(); ++i)
        if (current == languages[i].code) selected = static_cast<int>(i);
    language_->SetSelection(selected);
    start_shown_ = settings_.start_date();
    wxDateTime start;
    if (start_shown_.empty() || !start.ParseISODate(to_wx(start_shown_))) {
        start = wxDateTime::Today();
        start_shown_ = from_wx(start.FormatISODate());
    }
    start_->SetValue(start);
    return true;
}

bool PreferencesDialog::TransferDataFromWindow() {
    settings_.set_server_url(from_wx(server_->GetValue().Trim().Trim(false)));
    settings_.set_sync_interval_minutes(interval_->GetValue());
    settings_.set_font_size(font_size_->GetValue());
    const int selected = language_->GetSelection();
    if (selected >= 0)
        settings_.set_language(interface_languages()[static_cast<std::size_t>(selected)].code);
    // Written only when changed: an untouched field keeps "the first path view" rule.
    if (const std::string start = from_wx(start_->GetValue().FormatISODate());
        start != start_shown_)
        settings_.set_start_date(start);
    settings_.flush();
    return true;
}

}  // namespace lectern::desktop
