#pragma once
// Turns a content document into the terms, values and data of a Xapian document
// (internal to core/search).

#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "content/document.hpp"
#include "render/markdown.hpp"
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
    /// Every term, the path and the record of `doc`. `text` is its plain text and headings
    /// (content::document_searchable_text) and `stamp` the file's "size:mtime" or empty.
    Xapian::Document make(const content::Document& doc, const render::SearchableText& text,
                          const std::string& stamp);

  private:
    struct Forms {
        std::string term;  ///< normalized word
        std::string stem;  ///< normalized stem, or empty without a stemmer
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

    const Forms& forms(std::string_view word);
    void add_text(std::string_view text, const Field& field);

    Stemmers stemmers_;
    std::unordered_map<std::string, Cache> caches_;  // by language
    FieldWeights weights_;
    // State of the document being made.
    Xapian::Document* doc_ = nullptr;
    Cache* cache_ = nullptr;
    const Xapian::Stem* stemmer_ = nullptr;
    Xapian::termpos pos_ = 0;
};

}  // namespace lectern::search
