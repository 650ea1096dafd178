#pragma once
// Finding documents by the words of their titles: the search box's fallback when no search
// index is available, and a quick "go to document" for front ends.

#include <cstddef>
#include <string_view>
#include <vector>

#include "content/space.hpp"

namespace lectern::content {

/// Documents whose title contains every word of `query` (case-insensitive, in any script
/// utf8_lower() knows), best first: titles that start with the query, then titles with a
/// word starting with each query word, then the rest; ties by title. At most `limit`
/// results; an empty or blank query finds nothing. Never throws on any input.
std::vector<const Document*> match_titles(const Space& space, std::string_view query,
                                          std::size_t limit);

}  // namespace lectern::content
