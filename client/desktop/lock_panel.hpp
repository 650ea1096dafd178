#pragma once
// What the window shows while locked: no content, only the passphrase field.

#include <functional>
#include <string>

#include <wx/panel.h>

class wxStaticText;
class wxTextCtrl;

namespace lectern::desktop {

class LockPanel : public wxPanel {
  public:
    explicit LockPanel(wxWindow* parent);

    /// The passphrase typed and Enter pressed (empty when there is no key to check).
    std::function<void(const std::string& passphrase)> on_unlock;

    /// Shown when locking; `has_key` false: there is no passphrase to ask for.
    void reset(bool has_key);
    void show_checking();
    void show_wrong();
    /// The key could not be read: says why.
    void show_error(const std::string& message);
    void focus_field();

  private:
    wxStaticText* message_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxTextCtrl* field_ = nullptr;
    bool has_key_ = true;
};

}  // namespace lectern::desktop
