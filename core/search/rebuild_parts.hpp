#pragma once
// The database of a rebuild, made in parts on two threads and merged into one (internal to
// core/search).
//
// Xapian keeps a flush's postings in a std::map per term, keyed by document id: the more
// documents per flush, the deeper the maps every posting walks (the largest single item in a
// profile of a rebuild). Flushing into a database that already holds tens of thousands of
// documents also rewrites the tail of every posting list it touches: seconds per flush at
// 50,000 documents. Small fresh databases avoid both, and Xapian's compaction (the merge of
// xapian-compact) joins them in one pass. Two threads each make and add whole parts; on a
// generated space of 10,000 documents a rebuild took about a fifth less CPU than one writer
// fed by one thread making the documents.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "content/document.hpp"
#include "search/progress.hpp"
#include "search/spelling_counts.hpp"

namespace lectern::search {

struct PartsBuild {
    const std::vector<content::Document>& documents;
    /// The file stamp stored with a document ("size:mtime"), or empty. Called from both threads.
    std::function<std::string(const std::string& path)> stamp;
    /// Reports "indexing" and "saving" on the calling thread; its cancel token is honoured.
    const Progress& progress;
};

/// Writes a database of every document of `build`, in order (document ids 1, 2, … as one
/// writer adding them would give), into the new folder `dest` (a space of one part's size
/// through build_direct()), without its spelling data
/// and metadata, which the caller adds. Returns the spelling counts, or nullopt when
/// cancelled (nothing is left behind). Rethrows what a thread threw (Xapian::Error,
/// lectern::Error), after removing its part databases.
std::optional<SpellingCounts> build_in_parts(const PartsBuild& build,
                                             const std::filesystem::path& dest);

}  // namespace lectern::search
