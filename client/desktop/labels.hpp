#pragma once
// How the app names core's values in the user's language.

#include <string>
#include <string_view>

#include <wx/string.h>

#include "content/document.hpp"

namespace lectern::desktop {

/// "Procedure", "Call script"…, translated.
wxString type_label(content::DocumentType type);
/// A YYYY-MM-DD date in the user's locale's short form; the text itself if it is no date.
wxString local_date(std::string_view iso_date);
/// Today's date as YYYY-MM-DD in local time: what core's date rules compare against.
std::string today_iso();
/// The first characters of a version (git blob id), as git shows them.
std::string short_version(std::string_view blob_id);

}  // namespace lectern::desktop
