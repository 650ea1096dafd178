#pragma once
// Template part of words.hpp.

#include "common/text.hpp"

namespace lectern::search {

template <typename F>
void for_each_word(std::string_view text, F&& f) {
    std::size_t i = 0;
    while (i < text.size()) {
        // Skip separators.
        std::size_t start = i;
        char32_t c = 0;
        while (start < text.size()) {
            std::size_t next = start;
            c = decode_utf8(text, next);
            if (is_word_char(c)) break;
            start = next;
        }
        if (start >= text.size()) return;
        std::size_t end = start;
        while (end < text.size()) {
            std::size_t next = end;
            c = decode_utf8(text, next);
            if (!is_word_char(c)) break;
            end = next;
        }
        if (end - start <= kMaxWordBytes) f(Word{text.substr(start, end - start), start});
        i = end;
    }
}

}  // namespace lectern::search
