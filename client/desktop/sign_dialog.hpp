#pragma once
// Asks for the passphrase of this device's signing key for one signature. The passphrase is
// handed over once and cleared from the field; nothing keeps it.

#include <string>

#include <wx/dialog.h>

class wxTextCtrl;

namespace lectern::desktop {

class SignDialog : public wxDialog {
  public:
    /// `what` says what the signature records (who, which document, which version).
    SignDialog(wxWindow* parent, const wxString& what);

    /// The passphrase typed, once the dialog closed with OK; taking it empties the dialog.
    std::string take_passphrase();

  private:
    bool TransferDataFromWindow() override;

    wxTextCtrl* field_ = nullptr;
    std::string passphrase_;
};

}  // namespace lectern::desktop
