#pragma once
// Turns a content document into the terms, values and data of a Xapian document
// (internal to core/search).

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "content/document.hpp"
#include "render/markdown.hpp"
#include "search/spelling_counts.hpp"
#include "search/stemmers.hpp"

namespace lectern::search {

/// How much a word weighs by where it stands. The title also has its own terms (S, ZS)
/// that queries weight above the body; these are the counts (wdf) in the body's terms.
struct FieldWeights {
    Xapian::termcount title = 3;
    Xapian::termcount heading = 2;  ///< on top of the heading's words in the body text
    Xapian::termcount summary = 2;
    Xapian::termcount tag = 3;
    Xapian::termcount id = 2;
    Xapian::termcount caption = 2;  ///< lesson chapters and objectives
    Xapian::termcount path = 1;
};

/// Makes Xapian documents. Keeps the stem of every word it has seen, per language, so an
/// index run stems each distinct word once. One per index run; not shared between threads.
class DocumentTerms {
  public:
    DocumentTerms() = default;
    /// Also counts the spelling words of every document it makes into `spelling` (which
    /// must outlive it): a rebuild's, counted without walking each document's terms again.
    explicit DocumentTerms(SpellingCounts& spelling) : spelling_(&spelling) {}

    /// Every term, the path and the record of `doc`. `text` is its plain text and headings
    /// (content::document_searchable_text) and `stamp` the file's "size:mtime" or empty.
    Xapian::Document make(const content::Document& doc, const render::SearchableText& text,
                          const std::string& stamp);

  private:
    struct Forms {
        std::string term;  ///< normalized word
        std::string stem;  ///< normalized stem; empty without a stemmer or when it is `term`
        /// The word's spelling count when counting and it is a spelling word, else null.
        SpellingCounts::Entry* spelling = nullptr;
        // The wdf of the stem term (Z) in the document being made, added once at its end.
        std::size_t stem_document = 0;
        Xapian::termcount stem_wdf = 0;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    using Cache = std::unordered_map<std::string, Forms, Hash, std::equal_to<>>;

    struct Field {
        std::string_view prefix;       ///< for the word terms
        std::string_view stem_prefix;  ///< for the stems
        Xapian::termcount wdf = 1;
        bool positions = true;
    };

    Forms& forms(std::string_view word);
    void add_text(std::string_view text, const Field& field);
    void add_stems();

    Stemmers stemmers_;
    std::unordered_map<std::string, Cache> caches_;  // by language
    FieldWeights weights_;
    SpellingCounts* spelling_ = nullptr;
    std::size_t document_ = 0;  // the number of the document being made, from 1
    // State of the document being made.
    Xapian::Document* doc_ = nullptr;
    Cache* cache_ = nullptr;
    const Xapian::Stem* stemmer_ = nullptr;
    Xapian::termpos pos_ = 0;
    std::vector<Forms*> stems_;  // words whose stem term (Z) the document has, once each
    std::string term_;           // reused for every term made
};

}  // namespace lectern::search
