#pragma once
// Checks a commit's tree before anything of it is written to disk (internal to core/sync).
// git servers are not trusted: a tree can hold entries named "..", ".git" or "a/b", and
// symbolic links into .git or out of the folder, which stock git refuses to check out but
// a careless client would follow.

#include <filesystem>
#include <string>
#include <vector>

namespace lectern::sync {

/// Every entry of the commit's tree that must not be checked out, each as
/// "path: why". Empty when the tree is safe. Throws Error(Library) when it cannot be read.
std::vector<std::string> unsafe_entries(const std::filesystem::path& repository,
                                        const std::string& commit);

}  // namespace lectern::sync
