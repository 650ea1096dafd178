#pragma once
// Preferences: sync server and interval, text size, language, the start date My path counts
// due days from. Reads and writes the typed
// Settings only; the window applies what changed.

#include <string>
#include <vector>

#include <wx/dialog.h>

class wxChoice;
class wxDatePickerCtrl;
class wxSpinCtrl;
class wxTextCtrl;

namespace lectern::desktop {

class Settings;

class PreferencesDialog : public wxDialog {
  public:
    PreferencesDialog(wxWindow* parent, Settings& settings);

  private:
    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

    Settings& settings_;
    wxTextCtrl* server_ = nullptr;
    wxSpinCtrl* interval_ = nullptr;
    wxSpinCtrl* font_size_ = nullptr;
    wxChoice* language_ = nullptr;
    wxDatePickerCtrl* start_ = nullptr;
    std::string start_shown_;  // the date shown when the dialog opened (YYYY-MM-DD)
};

/// The languages the interface has catalogs for: code ("" = the system's) and own name.
struct InterfaceLanguage {
    const char* code;
    const char* name;
};
const std::vector<InterfaceLanguage>& interface_languages();

}  // namespace lectern::desktop
