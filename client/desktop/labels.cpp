#include "labels.hpp"

#include <wx/datetime.h>
#include <wx/intl.h>

#include "wx_text.hpp"

namespace lectern::desktop {

wxString type_label(content::DocumentType type) {
    switch (type) {
        case content::DocumentType::Procedure:
            return _("Procedure");
        case content::DocumentType::Script:
            return _("Call script");
        case content::DocumentType::Lesson:
            return _("Lesson");
        case content::DocumentType::Quiz:
            return _("Quiz");
    }
    return {};
}

wxString local_date(std::string_view iso_date) {
    wxDateTime date;
    const wxString text = to_wx(iso_date);
    if (!date.ParseISODate(text)) return text;
    return date.FormatDate();
}

std::string today_iso() {
    return from_wx(wxDateTime::Today().FormatISODate());
}

std::string short_version(std::string_view blob_id) {
    return std::string(blob_id.substr(0, 7));
}

}  // namespace lectern::desktop
