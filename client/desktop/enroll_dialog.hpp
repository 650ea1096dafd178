#pragma once
// Choosing the passphrase of a new signing key: typed twice, at least
// ledger::kMinPassphraseBytes long.

#include <optional>
#include <string>

#include <wx/dialog.h>

class wxStaticText;
class wxTextCtrl;

namespace lectern::desktop {

class EnrollDialog : public wxDialog {
  public:
    /// `who` names the user and device the key will sign for.
    EnrollDialog(wxWindow* parent, const wxString& who);

    /// The passphrase, once the dialog closed with OK (both fields the same, long enough).
    const std::string& passphrase() const { return passphrase_; }

  private:
    bool TransferDataFromWindow() override;

    wxTextCtrl* first_ = nullptr;
    wxTextCtrl* second_ = nullptr;
    wxStaticText* problem_ = nullptr;
    std::string passphrase_;
};

}  // namespace lectern::desktop
