#pragma once
// What the search box asks: a small interface, so the title filter of today and the Xapian
// index of core/search plug in the same way.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "content/space.hpp"

namespace lectern::desktop {

struct SearchHit {
    std::string document_id;
    content::DocumentType type = content::DocumentType::Procedure;
    std::string title;
    /// Plain text under the title: a passage with the matched words between kMarkBegin and
    /// kMarkEnd, or the summary.
    std::string snippet;
    /// Lessons: the step (from 0) the match is in, so the lesson opens there; -1 otherwise.
    int step = -1;
};

/// Control characters that never occur in content, around the matched words of a snippet.
inline constexpr const char* kMarkBegin = "\x02";
inline constexpr const char* kMarkEnd = "\x03";

/// Runs queries. Called on the search thread only, one query at a time.
class SearchBackend {
  public:
    virtual ~SearchBackend() = default;
    /// The best `limit` documents for what the user typed so far. May throw lectern::Error.
    virtual std::vector<SearchHit> search(const std::string& query, std::size_t limit) = 0;
};

/// Searches titles with content::match_titles(): the search when the index cannot answer.
std::unique_ptr<SearchBackend> make_title_search(std::shared_ptr<const content::Space> space);

/// Searches the space's full-text index (core/search) as it was last written: a backend made
/// after search::update_index() sees what the update wrote. Opens nothing until its first
/// search, so it is cheap to make on any thread.
std::unique_ptr<SearchBackend> make_index_search(const std::filesystem::path& space_root);

/// Asks `primary`; when it throws anything, logs it and asks `fallback` instead.
std::unique_ptr<SearchBackend> with_fallback(std::shared_ptr<SearchBackend> primary,
                                             std::shared_ptr<SearchBackend> fallback);

}  // namespace lectern::desktop
