#pragma once
// The one place where core's UTF-8 std::string meets wxString.

#include <string>
#include <string_view>

#include <wx/string.h>

namespace lectern::desktop {

/// A wxString from UTF-8 text (core's strings). Ill-formed bytes never throw.
wxString to_wx(std::string_view utf8);
/// UTF-8 bytes of a wxString, for calls into core.
std::string from_wx(const wxString& text);

}  // namespace lectern::desktop
