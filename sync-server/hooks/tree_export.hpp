#pragma once
// Writes the files of a git tree into a folder, so the loader and lint can read them.

#include <filesystem>

struct git_repository;
struct git_tree;

namespace lectern::server {

/// Writes every regular file of `tree` under `dir`. The tree must have passed
/// find_unsafe_paths(): names are joined to `dir` as they are. Throws Error(Library|Io).
void export_tree(git_repository* repo, const git_tree* tree, const std::filesystem::path& dir);

}  // namespace lectern::server
