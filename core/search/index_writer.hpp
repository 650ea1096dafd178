#pragma once
// Building and updating the search index of a space. No Xapian or libgit2 types here.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "common/diagnostic.hpp"
#include "search/progress.hpp"

namespace lectern::search {

/// Which space and where its index is.
struct IndexConfig {
    std::filesystem::path space_root;
    /// The index folder; empty means default_index_dir(space_root).
    std::filesystem::path index_dir;

    /// index_dir, or the default folder when it is empty.
    std::filesystem::path resolved_index_dir() const;
};

struct UpdateOptions {
    /// Rebuild from scratch even when the index looks up to date.
    bool rebuild = false;
    /// In a git work tree, also index files edited but not committed (git status). A
    /// clean clone synced by Lectern can skip the scan, which reads every folder.
    bool include_uncommitted = true;
    Progress progress;
};

/// How an update found what to re-index.
enum class ChangeSource {
    UpToDate,   ///< nothing had changed
    Rebuild,    ///< everything was indexed again
    GitDiff,    ///< a libgit2 diff of the indexed commit's tree against HEAD's
    FileStamps  ///< sizes and modification times (a space without git)
};

/// What an update did.
struct IndexReport {
    ChangeSource source = ChangeSource::UpToDate;
    /// Why everything was indexed again, as a sentence for the user ("the index was
    /// damaged: …"); empty when the update was incremental.
    std::string rebuild_reason;
    std::vector<std::string> added;    ///< document paths
    std::vector<std::string> changed;  ///< document paths
    std::vector<std::string> deleted;  ///< document paths
    std::vector<std::pair<std::string, std::string>>
        renamed;                 ///< from, to (also in added and deleted)
    std::size_t files_read = 0;  ///< content files read from disk
    std::size_t documents = 0;   ///< in the index afterwards
    std::string commit;          ///< the commit indexed; empty for a plain folder
    bool cancelled = false;      ///< the index is as it was before the update
    double seconds = 0;
    /// Files that could not be indexed, with why (front matter errors and the like).
    Diagnostics problems;
};

/// Brings the index of a space up to date: in a git work tree by diffing the indexed
/// commit's tree against HEAD's and touching only the documents that changed, in one
/// transaction; in a plain folder by file sizes and modification times. A missing,
/// damaged or old-format index is rebuilt, and the report says why. Throws Error(NotFound)
/// when the space folder does not exist, Error(Io) when another process is updating the
/// same index, Error(Library) for other failures of Xapian or libgit2.
IndexReport update_index(const IndexConfig& config, const UpdateOptions& options = {});

}  // namespace lectern::search
