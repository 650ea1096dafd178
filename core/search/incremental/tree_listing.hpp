#pragma once
// The entries of one git tree (a folder of a commit) as plain values, so that a tree read
// from the repository and one kept in the tree cache compare the same way (internal to
// core/search). No libgit2 type here.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::search::incremental {

/// A git object id (SHA-1), raw bytes.
using ObjectId = std::array<unsigned char, 20>;

/// git's file modes of tree entries.
inline constexpr std::uint32_t kModeTree = 0040000;

/// One entry of a tree: a file, a folder or a submodule.
struct TreeEntry {
    std::uint32_t mode = 0;
    ObjectId id{};
    std::uint32_t name_offset = 0;  ///< into the listing's names
    std::uint32_t name_size = 0;

    bool is_tree() const { return mode == kModeTree; }
};

/// The entries of one tree in git's order (TreeListing::compare).
class TreeListing {
  public:
    /// Makes room for `entries` entries whose names take `name_bytes` in all. Listing a flat
    /// folder of 35,000 documents took 0.6-8.4 ms growing one entry at a time, 0.6-4 ms with
    /// room made first (the rest is the first touch of fresh memory).
    void reserve(std::size_t entries, std::size_t name_bytes);
    /// Appends an entry; entries come in the order git stores them.
    void add(std::string_view name, std::uint32_t mode, const ObjectId& id);

    std::size_t size() const { return entries_.size(); }
    const TreeEntry& entry(std::size_t i) const { return entries_[i]; }
    std::string_view name(std::size_t i) const {
        const TreeEntry& e = entries_[i];
        return std::string_view(names_).substr(e.name_offset, e.name_size);
    }
    /// Every name, back to back (what the cache file stores).
    const std::string& names() const { return names_; }

    /// Builds a listing from stored parts; false when an entry's name lies outside `names`.
    bool assign(std::vector<TreeEntry> entries, std::string names);

    /// git's order of the entries of one tree: bytes of the names, a folder's name compared
    /// as if it ended in '/' (so a file and a folder of one name differ).
    static int compare(std::string_view a, bool a_is_tree, std::string_view b, bool b_is_tree);

  private:
    std::vector<TreeEntry> entries_;
    std::string names_;
};

}  // namespace lectern::search::incremental
