#pragma once
// Xapian's stemmer for each document language (internal to core/search).

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace lectern::search {

/// "en" for "en-GB", "nb" for "nb": the part of a BCP 47 tag that names the language.
std::string primary_language(std::string_view tag);

/// Stemmers by language tag, made once each. Languages Xapian 1.4 has no stemmer for
/// (Polish, Estonian…) get none: their words are indexed as written and found by prefix.
/// Not shared between threads: each writer and searcher has its own.
class Stemmers {
  public:
    /// The stemmer for this tag's language, or nullptr when Xapian has none.
    const Xapian::Stem* find(std::string_view lang_tag);

  private:
    std::map<std::string, std::optional<Xapian::Stem>, std::less<>> by_language_;
};

}  // namespace lectern::search
