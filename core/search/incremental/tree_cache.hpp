#pragma once
// The large trees of the indexed commit, kept in a file in the index folder, so that the next
// update reads only the new side of its diff from the repository (internal to core/search).
// A tree with 35,000 entries is a 1.5 MB object that libgit2 inflates and hashes at each
// read; from this file it costs a read and a checksum. No libgit2 type here.

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "search/incremental/tree_listing.hpp"

namespace lectern::search::incremental {

/// Trees with at least this many entries are worth keeping; smaller ones are cheap to read.
inline constexpr std::size_t kCachedTreeMinEntries = 256;

/// Tree listings by tree id, of one commit. Entries are keyed by the id of the tree they
/// list, so an entry is never wrong for its key: at worst it is of no use to the next diff.
class TreeCache {
  public:
    /// The name of the cache file in an index folder.
    static constexpr const char* kFileName = "lectern-trees";

    /// The trees of `commit` kept in `file`. A missing, truncated, damaged or foreign file, or
    /// one written for another commit, gives an empty cache: the trees are then read from the
    /// repository. Never throws for the file's contents.
    static TreeCache load(const std::filesystem::path& file, const std::string& commit);

    /// Writes the trees to `file` as trees of `commit`. Returns false when it could not be
    /// written; the next update then reads its trees from the repository.
    bool save(const std::filesystem::path& file, const std::string& commit) const;

    /// Removes and returns the listing of tree `id`, or nullopt when it is not kept.
    std::optional<TreeListing> take(const ObjectId& id);
    /// Keeps the listing of tree `id` (replacing any kept before).
    void put(const ObjectId& id, TreeListing listing);
    /// Moves every tree into `into`, except those it already has.
    void move_into(TreeCache& into);
    bool contains(const ObjectId& id) const { return trees_.count(id) != 0; }
    std::size_t size() const { return trees_.size(); }

  private:
    std::map<ObjectId, TreeListing> trees_;
};

}  // namespace lectern::search::incremental
