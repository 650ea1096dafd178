#pragma once
// Records set aside (File → Records set aside, Ctrl+Shift+A): each signed record the ledger
// set aside with what happened and what to do, and why the server refused the records still
// waiting, if it did. Enter on a row opens its document to sign it again.

#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "set_aside_text.hpp"

class wxListCtrl;
class wxStaticText;

namespace lectern::desktop {

class SetAsideDialog : public wxDialog {
  public:
    /// `refusal`: the server's words when it refused the records waiting (empty: it did not).
    SetAsideDialog(wxWindow* parent, std::vector<SetAsideRow> rows, const wxString& refusal);

    /// The document chosen with Enter or a double click, if one was.
    const std::optional<std::string>& chosen() const { return chosen_; }
    /// The rows listed (tests).
    std::size_t rows() const { return rows_.size(); }

  private:
    void show_row(long row);

    std::vector<SetAsideRow> rows_;
    wxListCtrl* list_ = nullptr;
    wxStaticText* detail_ = nullptr;
    std::optional<std::string> chosen_;
};

}  // namespace lectern::desktop
