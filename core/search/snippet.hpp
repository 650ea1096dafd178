#pragma once
// The passage of a document that shows why it matched, with the matched words marked
// (internal to core/search).

#include <string>
#include <string_view>

#include <xapian.h>

#include "search/query_builder.hpp"
#include "search/searcher.hpp"

namespace lectern::search {

/// The stretch of `text` of at most `max_chars` characters holding the most distinct
/// matched words, cut at word boundaries, with "…" where it was cut and each matched word
/// between the highlight markers. `stemmer` is the document language's, or nullptr.
/// Falls back to the start of the text when nothing matches (a match in the title).
std::string make_snippet(std::string_view text, const MatchedWords& matched,
                         const Xapian::Stem* stemmer, std::size_t max_chars,
                         const Highlight& highlight);

/// True when `text` holds a word the query matched (as a word, prefix or stem).
bool mentions(std::string_view text, const MatchedWords& matched, const Xapian::Stem* stemmer);

}  // namespace lectern::search
