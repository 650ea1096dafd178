#pragma once
// What the search box asks: a small interface, so the title filter of today and the Xapian
// index of core/search plug in the same way.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "content/space.hpp"

namespace lectern::desktop {

struct SearchHit {
    std::string document_id;
    content::DocumentType type = content::DocumentType::Procedure;
    std::string title;
    std::string snippet;  ///< plain text under the title (a summary until snippets exist)
};

/// Runs queries. Called on the search thread only, one query at a time.
class SearchBackend {
  public:
    virtual ~SearchBackend() = default;
    /// The best `limit` documents for what the user typed so far. May throw lectern::Error.
    virtual std::vector<SearchHit> search(const std::string& query, std::size_t limit) = 0;
};

/// Searches titles with content::match_titles() until core/search provides an index.
std::unique_ptr<SearchBackend> make_title_search(std::shared_ptr<const content::Space> space);

}  // namespace lectern::desktop
