#include "sync/tree_safety.hpp"

#include <git2.h>

#include <algorithm>

#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "common/text.hpp"

namespace lectern::sync {

namespace {

// ".git" as any file system might read it: any case, trailing dots or spaces (Windows drops
// them), or its 8.3 short name.
bool names_git_folder(std::string name) {
    name = utf8_lower(name);
    while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.pop_back();
    return name == ".git" || name == "git~1";
}

std::string why_name_is_unsafe(const std::string& name) {
    if (name.empty() || name == "." || name == "..") return "an entry named '" + name + "'";
    if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos)
        return "a name with a path separator";
    if (names_git_folder(name)) return "a .git entry";
    return {};
}

// Where a link at `dir` (a folder path inside the tree) pointing at `target` leads.
std::string why_link_is_unsafe(const std::string& dir, const std::string& target) {
    if (target.empty()) return {};
    if (target.front() == '/' || target.front() == '\\' || (target.size() > 1 && target[1] == ':'))
        return "a symbolic link to an absolute path";
    int depth = static_cast<int>(std::count(dir.begin(), dir.end(), '/'));
    std::size_t start = 0;
    while (start <= target.size()) {
        std::size_t end = target.find_first_of("/\\", start);
        if (end == std::string::npos) end = target.size();
        const std::string part = target.substr(start, end - start);
        if (part == "..") {
            if (--depth < 0) return "a symbolic link that leads out of the space";
        } else if (!part.empty() && part != ".") {
            if (names_git_folder(part)) return "a symbolic link into .git";
            ++depth;
        }
        start = end + 1;
    }
    return {};
}

struct Walk {
    git_repository* repo = nullptr;
    std::vector<std::string> found;
};

int visit(const char* root, const git_tree_entry* entry, void* payload) {
    auto& walk = *static_cast<Walk*>(payload);
    const std::string name = git_tree_entry_name(entry);
    const std::string path = std::string(root) + name;
    if (std::string why = why_name_is_unsafe(name); !why.empty()) {
        walk.found.push_back("'" + path + "': " + why);
        return 1;  // skip what is under it
    }
    if (git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK) {
        git_blob* raw = nullptr;
        if (git_blob_lookup(&raw, walk.repo, git_tree_entry_id(entry)) != 0) {
            walk.found.push_back("'" + path + "': a symbolic link whose target cannot be read");
            return 0;
        }
        git::BlobPtr blob(raw);
        const std::string target(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                                 static_cast<std::size_t>(git_blob_rawsize(blob.get())));
        if (std::string why = why_link_is_unsafe(root, target); !why.empty())
            walk.found.push_back("'" + path + "' -> '" + target + "': " + why);
    }
    return 0;
}

}  // namespace

std::vector<std::string> unsafe_entries(const std::filesystem::path& repository,
                                        const std::string& commit) {
    const git::RepositoryPtr repo = open_repository(repository);
    git_oid oid;
    git_commit* raw_commit = nullptr;
    if (git_oid_fromstr(&oid, commit.c_str()) != 0 ||
        git_commit_lookup(&raw_commit, repo.get(), &oid) != 0)
        throw libgit2_error("reading commit " + commit);
    git::CommitPtr c(raw_commit);
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, c.get()) != 0)
        throw libgit2_error("reading the tree of " + commit);
    git::TreePtr tree(raw_tree);
    Walk walk{repo.get(), {}};
    if (git_tree_walk(tree.get(), GIT_TREEWALK_PRE, visit, &walk) < 0)
        throw libgit2_error("reading the tree of " + commit);
    return walk.found;
}

}  // namespace lectern::sync
