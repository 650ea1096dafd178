#include "search/words.hpp"

#include <algorithm>
#include <string_view>

#include "common/text.hpp"

namespace lectern::search {

namespace {

// Base letters of U+0100..U+017F (Latin Extended-A), upper and lower case alternating;
// '*' marks the ligatures spelled out below.
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrr"
    "ssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtendedA.size() == 0x80);

// Base letters of U+00E0..U+00FF (lowercase Latin-1); '*' as above, '-' for U+00F7 (÷).
constexpr std::string_view kLatin1Lower = "aaaaaa*ceeeeiiiidnooooo-ouuuuyty";
static_assert(kLatin1Lower.size() == 0x20);

// Appends the form of one lowercase code point without its diacritics.
void append_folded(std::string& out, char32_t c) {
    if (c >= 0xE0 && c <= 0xFF) {
        const char base = kLatin1Lower[c - 0xE0];
        if (c == 0xE6) {
            out += "ae";
        } else if (c == 0xFE) {
            out += "th";
        } else if (base != '-') {
            out += base;
        } else {
            append_utf8(out, c);
        }
        return;
    }
    if (c == 0xDF) {
        out += "ss";
        return;
    }
    if (c >= 0x100 && c <= 0x17F) {
        const char base = kLatinExtendedA[c - 0x100];
        if (base == '*') {
            out += (c == 0x132 || c == 0x133) ? "ij" : "oe";
        } else {
            out += base;
        }
        return;
    }
    switch (c) {
        case 0x219:
            out += 's';
            return;  // ș (Romanian)
        case 0x21B:
            out += 't';
            return;  // ț
        case 0x451:
            append_utf8(out, 0x435);
            return;  // ё is written е more often than not
        default:
            break;
    }
    // Combining diacritical marks, as in text typed in decomposed form.
    if (c >= 0x300 && c <= 0x36F) return;
    append_utf8(out, c);
}

}  // namespace

bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;  // controls, Latin-1 punctuation
    if (c == 0xD7 || c == 0xF7) return false;                  // × ÷
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, box drawing
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    if (c >= 0xE000 && c <= 0xF8FF) return false;  // private use
    if (c >= 0xFE00 && c <= 0xFE0F) return false;  // variation selectors
    if (c >= 0xFE30 && c <= 0xFE6F) return false;  // compatibility punctuation
    if (c >= 0xFF00 && c <= 0xFF20) return false;  // full-width punctuation
    if (c >= 0xFEFF && c <= 0xFEFF) return false;  // byte order mark
    if (c >= 0xFFF0) return c >= 0x20000 && c < 0xE0000;  // specials, emoji; CJK ext. kept
    return true;
}

std::string lower_word(std::string_view word) {
    if (std::all_of(word.begin(), word.end(),
                    [](char ch) { return static_cast<unsigned char>(ch) < 0x80; })) {
        std::string out(word);
        for (char& ch : out) {
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
        }
        return out;
    }
    return utf8_lower(word);
}

std::string fold_diacritics(std::string_view lowercase_word) {
    std::string out;
    out.reserve(lowercase_word.size());
    for (std::size_t i = 0; i < lowercase_word.size();) {
        const auto byte = static_cast<unsigned char>(lowercase_word[i]);
        if (byte < 0x80) {
            out += lowercase_word[i++];
            continue;
        }
        append_folded(out, decode_utf8(lowercase_word, i));
    }
    return out;
}

std::string normalize_word(std::string_view word) {
    std::string lower = lower_word(word);
    const bool ascii = std::all_of(lower.begin(), lower.end(),
                                   [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
    return ascii ? lower : fold_diacritics(lower);
}

bool is_number(std::string_view word) {
    return !word.empty() &&
           std::all_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

}  // namespace lectern::search
