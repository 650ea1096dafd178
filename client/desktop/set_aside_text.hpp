#pragma once
// Signed records the ledger set aside, in words: the status bar's count and, per record, what
// happened and what the agent does about it. Which records are set aside is core's
// (ledger::LocalLedger::records_set_aside, as `lectern status` lists them); only the wording
// is here.

#include <cstddef>
#include <string>
#include <vector>

#include <wx/string.h>

#include "ledger/local_ledger.hpp"

namespace lectern::content {
class Space;
}

namespace lectern::desktop {

/// " · 1 record set aside (Ctrl+Shift+A)"; empty for none.
wxString set_aside_status_text(std::size_t records);

/// One row of the Records set aside dialog.
struct SetAsideRow {
    std::string document_id;
    wxString document;   ///< the title in this copy of the content, else the record's
    wxString what;       ///< "Sign-off", "Quiz attempt", "Lesson completion"
    wxString signed_at;  ///< local time
    wxString device;
    wxString why_and_what_to_do;
};

/// The rows for `records`; `space` (may be null) gives the documents' current titles.
std::vector<SetAsideRow> set_aside_rows(const std::vector<ledger::StoredRecord>& records,
                                        const content::Space* space);

}  // namespace lectern::desktop
