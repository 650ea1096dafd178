#include "wx_text.hpp"

namespace lectern::desktop {

wxString to_wx(std::string_view utf8) {
    return wxString::FromUTF8(utf8.data(), utf8.size());
}

std::string from_wx(const wxString& text) {
    const wxScopedCharBuffer bytes = text.utf8_str();
    return std::string(bytes.data(), bytes.length());
}

}  // namespace lectern::desktop
