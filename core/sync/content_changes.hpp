#pragma once
// Which documents a sync added, changed or removed, read from the two commits' trees.

#include <filesystem>
#include <string>
#include <vector>

namespace lectern::sync {

/// A document as the change report names it.
struct DocumentChange {
    std::string id;     ///< the front matter's id (the file name when it has none)
    std::string title;  ///< the front matter's title (empty when it has none)
    std::string type;   ///< "procedure", "script", "lesson", "quiz" or "path"
    std::string path;   ///< relative to the space; for a removed document, where it was
};

struct ContentChanges {
    std::vector<DocumentChange> added;
    std::vector<DocumentChange> changed;  ///< edited, or moved (same id, new path)
    std::vector<DocumentChange> removed;
    /// Changed files that are not documents (lectern.yaml, synonyms.txt, media…).
    std::vector<std::string> other_files;

    bool empty() const noexcept {
        return added.empty() && changed.empty() && removed.empty() && other_files.empty();
    }
};

/// The changes from commit `from` (empty or unknown: nothing, as on a first sync) to commit `to` in
/// the repository at `repository`. Throws Error(Library) when a commit cannot be read.
ContentChanges content_changes(const std::filesystem::path& repository, const std::string& from,
                               const std::string& to);

}  // namespace lectern::sync
