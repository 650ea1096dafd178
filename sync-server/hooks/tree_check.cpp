#include "hooks/tree_check.hpp"

#include <git2.h>

#include <algorithm>
#include <cctype>

#include "common/libgit2.hpp"

namespace lectern::server {

namespace {

std::string lowercase(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

/// ".git", ".GIT", ".git." and ".git " (Windows drops trailing dots and spaces), "git~1" (the
/// 8.3 short name of .git on NTFS).
bool names_dot_git(const std::string& name) {
    std::string n = lowercase(name);
    while (!n.empty() && (n.back() == '.' || n.back() == ' ')) n.pop_back();
    return n == ".git" || n == "git~1";
}

struct WalkState {
    std::vector<UnsafePath>* out;
};

int visit(const char* root, const git_tree_entry* entry, void* payload) {
    auto& state = *static_cast<WalkState*>(payload);
    const std::string name = git_tree_entry_name(entry);
    const std::string path = std::string(root) + name;
    std::string reason;
    if (is_unsafe_name(name, reason)) {
        state.out->push_back({path, reason});
        return 1;  // do not descend into it
    }
    switch (git_tree_entry_filemode(entry)) {
        case GIT_FILEMODE_LINK:
            state.out->push_back({path, "symbolic links are not allowed in content"});
            break;
        case GIT_FILEMODE_COMMIT:
            state.out->push_back({path, "submodules are not allowed in content"});
            break;
        default:
            break;
    }
    return 0;
}

}  // namespace

bool is_unsafe_name(const std::string& name, std::string& reason) {
    if (name.empty() || name == "." || name == "..") {
        reason = "the name '" + name + "' leaves its folder";
        return true;
    }
    if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos) {
        reason = "a name with a slash is an absolute or escaping path";
        return true;
    }
    if (names_dot_git(name)) {
        reason = "'.git' may not appear in a content path";
        return true;
    }
    if (name.find(':') != std::string::npos) {
        reason = "a name with ':' can name a drive or stream on Windows";
        return true;
    }
    return false;
}

std::vector<UnsafePath> find_unsafe_paths(git_repository* /*repo*/, const git_tree* tree) {
    std::vector<UnsafePath> out;
    WalkState state{&out};
    if (git_tree_walk(tree, GIT_TREEWALK_PRE, visit, &state) < 0)
        throw libgit2_error("reading the pushed tree");
    return out;
}

}  // namespace lectern::server
