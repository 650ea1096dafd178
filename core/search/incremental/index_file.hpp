#pragma once
// git's index file (.git/index) read for the work-tree scan: each entry's path, object id,
// flags and the stat data git compares with the file (internal to core/search).

#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/incremental/tree_listing.hpp"

namespace lectern::search::incremental {

/// One entry of the index: a path at a stage, with the stat data of its file when it was
/// last added or refreshed (each field cut to 32 bits, as the index stores it).
struct IndexEntry {
    std::string_view path;  ///< '/'-separated; the character after it is '\0'
    std::uint32_t ctime_seconds = 0, ctime_nanoseconds = 0;
    std::uint32_t mtime_seconds = 0, mtime_nanoseconds = 0;
    std::uint32_t ino = 0, mode = 0, uid = 0, gid = 0, size = 0;
    ObjectId id{};
    unsigned stage = 0;          ///< 0, or 1-3 for the sides of a conflict
    bool assume_valid = false;   ///< `git update-index --assume-unchanged`
    bool skip_worktree = false;  ///< left out of a sparse checkout
    bool intent_to_add = false;  ///< `git add -N`
};

/// The entries of an index file, sorted by path as git keeps them.
struct IndexFile {
    std::vector<IndexEntry> entries;
    bool exists = false;                ///< false: no index file yet (an empty repository)
    std::uint32_t written_seconds = 0;  ///< the file's mtime, for git's "racily clean" rule
    /// The tree that the whole index is, from git's cache-tree extension ("TREE"), when that
    /// extension is there and valid for the top folder and every entry is a plain stage-0
    /// one: git writes it at each commit and invalidates the folders of each path it
    /// stages. nullopt otherwise (and always when libgit2 read the index).
    std::optional<ObjectId> tree;

    /// Reads the index file `file` (versions 2 to 4, SHA-1 ids) whole, without checking its
    /// trailing checksum, as git does. nullopt when it uses what this reader does not know (a
    /// split or sparse index, another version or hash), for the caller to ask libgit2
    /// instead. Throws Error(Io) when the file cannot be read, Error(InvalidContent) when it
    /// is cut short or malformed.
    static std::optional<IndexFile> read(const std::filesystem::path& file);

    /// read(file), or when that cannot, the entries as libgit2 reads them. Throws what read()
    /// throws, or Error(Library) when libgit2 fails.
    static IndexFile load(const std::filesystem::path& file);

    /// Where the entries' paths are kept: the file's bytes, or for paths that are not
    /// there as they are (version 4 shortens them), strings of their own. Moving an
    /// IndexFile moves neither.
    std::vector<char> bytes;
    std::deque<std::string> built_paths;
};

}  // namespace lectern::search::incremental
