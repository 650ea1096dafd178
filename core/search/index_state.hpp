#pragma once
// What an index records about itself in Xapian metadata: its format, which space and which
// commit it reflects, and what queries need to know (internal to core/search).

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

namespace lectern::search {

/// Bumped whenever terms, values or records change meaning: an index of another format is
/// rebuilt, never misread.
// 2: quiz comment lines left out; 3: catalog values; 4: no stem term (Z, ZS) for a word that
// is its own stem; 5: stem families (taken back); 6: the terms of 4 again; 7: records in a
// value slot, compressed with zstd, instead of the document's data.
inline constexpr int kIndexFormat = 7;

struct IndexState {
    int format = 0;         ///< 0 when the database has no Lectern metadata
    bool complete = false;  ///< false when the last full build did not finish
    std::string space;      ///< full path of the space folder
    std::string source;     ///< "git" or "folder"
    std::string commit;     ///< git: the commit indexed
    std::vector<std::string>
        uncommitted;  ///< git: paths indexed from the work tree, not the commit
    std::map<std::string, std::string> stamps;       ///< folder: lectern.yaml and synonyms.txt
    std::vector<std::string> languages;              ///< of the documents and the manifest
    std::vector<std::vector<std::string>> synonyms;  ///< groups from synonyms.txt, lowercase
};

IndexState read_state(const Xapian::Database& db);
/// Writes every field; the caller commits.
void write_state(Xapian::WritableDatabase& db, const IndexState& state);

}  // namespace lectern::search
