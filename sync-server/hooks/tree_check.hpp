#pragma once
// Paths a content tree must never hold, whatever git itself lets through: `..`, `.git` (in any
// case, and the names Windows and macOS treat as `.git`), slashes inside a name (absolute
// paths), symbolic links and submodules.

#include <string>
#include <vector>

struct git_repository;
struct git_tree;

namespace lectern::server {

struct UnsafePath {
    std::string path;
    std::string reason;
};

/// Every unsafe entry of `tree`, recursively, in tree order.
std::vector<UnsafePath> find_unsafe_paths(git_repository* repo, const git_tree* tree);

/// True if a single tree-entry name could reach outside its folder or into `.git`.
bool is_unsafe_name(const std::string& name, std::string& reason);

}  // namespace lectern::server
