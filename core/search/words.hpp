#pragma once
// Words as search sees them: the same splitting and the same normal form when indexing,
// querying and marking snippets, so that what is indexed is what a query can name.

#include <cstddef>
#include <string>
#include <string_view>

namespace lectern::search {

/// Longest word kept, in bytes: longer runs are ids or noise, and Xapian terms are limited.
inline constexpr std::size_t kMaxWordBytes = 64;

/// One word of a text: a run of letters and digits of any script.
struct Word {
    std::string_view text;
    std::size_t offset = 0;  ///< in bytes, into the text given
};

/// True for code points that are part of words: letters and digits of every script.
/// Punctuation, symbols and spaces separate words; so do '-', '_' and apostrophes.
bool is_word_char(char32_t c);

/// Calls `f(Word)` for each word of `text`, in order. Words longer than kMaxWordBytes are
/// skipped.
template <typename F>
void for_each_word(std::string_view text, F&& f);

/// The form a word is indexed and searched in: lowercase, without diacritics ("Żółty" and
/// "zolty" both become "zolty", "Spørsmål" becomes "sporsmal", "Ёлка" becomes "елка"), so an
/// agent who types without them still finds the word.
std::string normalize_word(std::string_view word);

/// Lowercase only, diacritics kept: what a stemmer is given.
std::string lower_word(std::string_view word);

/// Removes diacritics from an already lowercase word.
std::string fold_diacritics(std::string_view lowercase_word);

/// True when every byte is an ASCII digit.
bool is_number(std::string_view word);

}  // namespace lectern::search

#include "search/words_impl.hpp"
