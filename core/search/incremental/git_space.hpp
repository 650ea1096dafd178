#pragma once
// What changed in a space that is a git work tree, found with libgit2 (internal to
// core/search). No libgit2 type in this header: the handles live in the .cpp.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "search/incremental/tree_cache.hpp"

namespace lectern::search::incremental {

/// Paths (relative to the space root) that differ between two commits.
struct TreeChanges {
    std::vector<std::string> added;
    std::vector<std::string> modified;
    std::vector<std::string> deleted;
    std::vector<std::pair<std::string, std::string>> renamed;  ///< from, to
    std::size_t trees_read = 0;        ///< tree objects read from the repository
    std::size_t trees_from_cache = 0;  ///< trees of the old side found in the tree cache

    /// Every path whose document may have to be re-indexed or removed: both sides of renames.
    std::vector<std::string> all_paths() const;
};

/// A space whose folder is the top of a git work tree.
class GitSpace {
  public:
    /// The repository whose work tree has `space_root` at its top, or nullopt when the
    /// folder is not one (a plain folder, a bare repository, or a subfolder of a work tree,
    /// which is indexed as a plain folder). Throws Error(Library) when git fails otherwise.
    static std::optional<GitSpace> open(const std::filesystem::path& space_root);

    GitSpace(GitSpace&&) noexcept;
    GitSpace& operator=(GitSpace&&) noexcept;
    ~GitSpace();

    /// The id of the commit HEAD points at, or empty when the repository has none yet.
    std::string head_commit() const;

    /// What differs between the trees of two commits, renames included. nullopt when
    /// `from` is not a commit of this repository (rewritten history, a shallow clone): the
    /// caller rebuilds. Throws Error(Library) when `to` cannot be read. With a cache, the
    /// trees of `from` are taken from it where it has them, and afterwards it holds the large
    /// trees of `to` that the diff read or found unchanged: the cache for a diff from `to`.
    std::optional<TreeChanges> diff(const std::string& from, const std::string& to,
                                    TreeCache* cache = nullptr) const;

    /// Paths whose file in the work tree differs from HEAD: edited, added, deleted or not
    /// yet tracked. Empty in a clean clone.
    std::vector<std::string> uncommitted_paths() const;

  private:
    struct Impl;
    explicit GitSpace(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace lectern::search::incremental
