#pragma once
// The first start: sign in to a server, or use the sample content offline.

#include <string>

#include <wx/dialog.h>

class wxRadioButton;
class wxTextCtrl;

namespace lectern::desktop {

class FirstStartDialog : public wxDialog {
  public:
    /// `can_sign_in` false: this build has no sign-in yet, the choice is shown disabled.
    FirstStartDialog(wxWindow* parent, bool can_sign_in);

    bool use_sample() const;
    std::string server() const;
    std::string user() const;

  private:
    void update_fields();

    wxRadioButton* sample_ = nullptr;
    wxRadioButton* sign_in_ = nullptr;
    wxTextCtrl* server_ = nullptr;
    wxTextCtrl* user_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    bool can_sign_in_ = false;
};

}  // namespace lectern::desktop
