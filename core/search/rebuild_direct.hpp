#pragma once
// The database of a small rebuild, made without parts (internal to core/search).

#include <filesystem>
#include <optional>

#include "search/rebuild_parts.hpp"
#include "search/spelling_counts.hpp"

namespace lectern::search {

/// What build_in_parts() makes, for a space that fits one part: one thread makes the
/// documents and the calling thread adds them to `dest` as they come, so both cores work
/// and there is no part to write and compact. Same contract as build_in_parts().
std::optional<SpellingCounts> build_direct(const PartsBuild& build,
                                           const std::filesystem::path& dest);

}  // namespace lectern::search
