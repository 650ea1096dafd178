#pragma once
// The first start: sign in to a server, or use the sample content offline. Signing in runs off
// the UI thread; a wrong password or an unreachable server is said in the dialog, which stays
// open to try again. Several spaces: the agent picks one.

#include <string>

#include <wx/dialog.h>

#include "background.hpp"

class wxButton;
class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace lectern::desktop {

class FirstStartDialog : public wxDialog {
  public:
    explicit FirstStartDialog(wxWindow* parent);

    bool use_sample() const;
    /// After a sign-in: the space to open (its settings are saved for every later sync).
    const std::string& space() const { return space_; }

  private:
    void update_fields();
    void on_ok();
    void start_sign_in();
    void say(const wxString& text, bool problem);
    void set_busy(bool busy);

    wxRadioButton* sample_ = nullptr;
    wxRadioButton* sign_in_ = nullptr;
    wxTextCtrl* server_ = nullptr;
    wxTextCtrl* user_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxStaticText* message_ = nullptr;
    wxButton* ok_ = nullptr;
    bool busy_ = false;
    std::string space_;
    Background background_;  // last: joined first when the dialog goes
};

}  // namespace lectern::desktop
