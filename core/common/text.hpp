#pragma once
// UTF-8 helpers shared by the content model, rendering and search.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lectern {

/// Offset of the first byte that is not part of well-formed UTF-8 (overlong forms,
/// surrogates and code points above U+10FFFF are ill-formed), or nullopt when all is well.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// 1-based line and column (in code points) of a byte offset in text.
struct LineColumn {
    int line = 1;
    int column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

/// Lowercases ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic letters; other code
/// points pass through. Enough for the languages Lectern's teams write in, without ICU.
std::string utf8_lower(std::string_view text);

/// The anchor GitHub gives a heading: lowercase, spaces to '-', punctuation dropped,
/// letters of every script kept.
std::string heading_anchor(std::string_view heading_text);

/// Decodes one code point at text[i], advancing i; returns U+FFFD on ill-formed input.
char32_t decode_utf8(std::string_view text, std::size_t& i);
/// Appends the UTF-8 form of a code point.
void append_utf8(std::string& out, char32_t cp);

}  // namespace lectern
