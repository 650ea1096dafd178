#include "search/incremental/tree_listing.hpp"

#include <algorithm>
#include <cstring>

namespace lectern::search::incremental {

void TreeListing::reserve(std::size_t entries, std::size_t name_bytes) {
    entries_.reserve(entries);
    names_.reserve(name_bytes);
}

void TreeListing::add(std::string_view name, std::uint32_t mode, const ObjectId& id) {
    TreeEntry e;
    e.mode = mode;
    e.id = id;
    e.name_offset = static_cast<std::uint32_t>(names_.size());
    e.name_size = static_cast<std::uint32_t>(name.size());
    names_.append(name);
    entries_.push_back(e);
}

bool TreeListing::assign(std::vector<TreeEntry> entries, std::string names) {
    for (const TreeEntry& e : entries) {
        if (e.name_offset > names.size() || e.name_size > names.size() - e.name_offset)
            return false;
    }
    entries_ = std::move(entries);
    names_ = std::move(names);
    return true;
}

// As git's base_name_compare (and libgit2's git_tree_entry_cmp).
int TreeListing::compare(std::string_view a, bool a_is_tree, std::string_view b, bool b_is_tree) {
    const std::size_t n = std::min(a.size(), b.size());
    if (const int c = n ? std::memcmp(a.data(), b.data(), n) : 0; c != 0) return c;
    const unsigned char ca = n < a.size() ? static_cast<unsigned char>(a[n]) : a_is_tree ? '/' : 0;
    const unsigned char cb = n < b.size() ? static_cast<unsigned char>(b[n]) : b_is_tree ? '/' : 0;
    return ca < cb ? -1 : ca > cb ? 1 : 0;
}

}  // namespace lectern::search::incremental
