#pragma once
// A checked-out tree of a space's content: a small non-bare repository whose objects come from
// the space's fetched repository through git's alternates (internal to core/sync).
//
// The reader's tree (`content/`) and the spare (`content.next/`) are two such trees. A sync
// brings the spare to the new commit and then swaps the two folders in one rename, so the
// reader sees the old tree or the new one, never a mix.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sync/progress.hpp"

namespace lectern::sync {

/// A file of a tree that differs from the tree's commit.
struct LocalEdit {
    std::string path;  ///< relative to the tree
    bool deleted = false;
};

class WorkingTree {
  public:
    /// Opens the tree at `folder`, or nullopt when it is missing or not a usable repository
    /// (a creation that was interrupted). Throws Error(Library) for other failures.
    static std::optional<WorkingTree> open(const std::filesystem::path& folder);

    /// Creates an empty tree at `folder` (removing whatever is there) whose objects are those
    /// of the bare repository `objects_from`, a sibling folder. Throws Error.
    static WorkingTree create(const std::filesystem::path& folder,
                              const std::filesystem::path& objects_from);

    WorkingTree(WorkingTree&&) noexcept;
    WorkingTree& operator=(WorkingTree&&) noexcept;
    ~WorkingTree();

    const std::filesystem::path& folder() const noexcept { return folder_; }

    /// The commit checked out, empty when none is.
    std::string head_commit() const;

    /// Files edited, added or deleted since the checkout (ignored files are not reported).
    std::vector<LocalEdit> local_edits() const;

    /// Makes the folder exactly the tree of `commit` (overwriting edits, removing extra files,
    /// finishing an interrupted checkout) and points HEAD at it. Throws Error.
    void check_out(const std::string& commit, const Progress& progress);

    /// A spare's mark: its files may be overwritten without asking, because no reader uses
    /// them (written after a swap, removed just before the next).
    void mark_spare(bool spare) const;
    bool is_marked_spare() const;

  private:
    struct Impl;
    WorkingTree(std::filesystem::path folder, std::unique_ptr<Impl> impl);
    std::filesystem::path folder_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace lectern::sync
