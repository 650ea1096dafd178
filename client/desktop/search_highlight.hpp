#pragma once
// The words of a search marked in the page of a document opened from the results, so the
// agent sees at once where the answer is.

#include <string>
#include <string_view>
#include <vector>

namespace lectern::desktop {

/// What to mark: words in search's normal form (lowercase, no diacritics). `prefixes` mark
/// every word they begin (the word being typed, "refu" for "refund").
struct HighlightTerms {
    std::vector<std::string> words;
    std::vector<std::string> prefixes;
    bool empty() const { return words.empty() && prefixes.empty(); }
};

/// The terms of a result: the words the index marked in its snippet (between kMarkBegin and
/// kMarkEnd, so stems and synonyms it matched are included) and the words of the query as
/// prefixes. Filters (type:script), operators (AND, OR, NOT) and excluded words (-word)
/// are left out.
HighlightTerms highlight_terms(std::string_view query, std::string_view snippet);

/// Anchor put before the first marked word, for scrolling to it.
inline constexpr const char* kFirstMatchAnchor = "lectern-first-match";

/// `html` with every matching word of its text (never of its tags or entities) wrapped in a
/// highlighted span, and kFirstMatchAnchor before the first. `count` receives how many
/// words were marked.
std::string highlight_html(std::string_view html, const HighlightTerms& terms,
                           std::size_t* count = nullptr);

}  // namespace lectern::desktop
