#include "search/incremental/git_space.hpp"

#include <git2.h>

#include <map>
#include <set>

#include "common/git_handles.hpp"
#include "common/libgit2.hpp"

namespace lectern::search::incremental {

namespace fs = std::filesystem;

struct GitSpace::Impl {
    git::RepositoryPtr repo;
};

namespace {

std::string oid_string(const git_oid* oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return hex;
}

// The tree of a commit, or nullopt when the commit is not in the repository.
std::optional<git::TreePtr> commit_tree(git_repository* repo, const std::string& commit_id) {
    git_oid oid;
    if (git_oid_fromstr(&oid, commit_id.c_str()) != 0) return std::nullopt;
    git_commit* raw_commit = nullptr;
    const int rc = git_commit_lookup(&raw_commit, repo, &oid);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc != 0) throw libgit2_error("reading commit " + commit_id);
    git::CommitPtr commit(raw_commit);
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, commit.get()) != 0)
        throw libgit2_error("reading the tree of commit " + commit_id);
    return git::TreePtr(raw_tree);
}

git::TreePtr lookup_tree(git_repository* repo, const git_tree_entry* entry) {
    git_tree* raw = nullptr;
    if (git_tree_lookup(&raw, repo, git_tree_entry_id(entry)) != 0)
        throw libgit2_error(std::string("reading the folder ") + git_tree_entry_name(entry));
    return git::TreePtr(raw);
}

bool is_tree(const git_tree_entry* entry) {
    return git_tree_entry_type(entry) == GIT_OBJECT_TREE;
}

// Every file under `entry` (itself when it is not a folder), with its object id.
void list_files(git_repository* repo, const git_tree_entry* entry, const std::string& path,
                std::vector<std::pair<std::string, git_oid>>& out) {
    if (!is_tree(entry)) {
        out.emplace_back(path, *git_tree_entry_id(entry));
        return;
    }
    const git::TreePtr tree = lookup_tree(repo, entry);
    for (std::size_t i = 0, n = git_tree_entrycount(tree.get()); i < n; ++i) {
        const git_tree_entry* child = git_tree_entry_byindex(tree.get(), i);
        list_files(repo, child, path + "/" + git_tree_entry_name(child), out);
    }
}

struct FileChanges {
    std::vector<std::pair<std::string, git_oid>> added, deleted;
    std::vector<std::string> modified;
};

// Walks two trees side by side in git's order of entries, opening only the folders whose
// ids differ. libgit2's tree-to-tree diff compares every entry of both sides through its
// iterators: 200-300 ms for the two 35,000-entry trees of one flat folder, where reading
// them and comparing ids takes a fraction of that.
void diff_trees(git_repository* repo, const git_tree* old_tree, const git_tree* new_tree,
                const std::string& prefix, FileChanges& out) {
    const std::size_t old_n = git_tree_entrycount(old_tree);
    const std::size_t new_n = git_tree_entrycount(new_tree);
    std::size_t i = 0, j = 0;
    while (i < old_n || j < new_n) {
        const git_tree_entry* a = i < old_n ? git_tree_entry_byindex(old_tree, i) : nullptr;
        const git_tree_entry* b = j < new_n ? git_tree_entry_byindex(new_tree, j) : nullptr;
        // git_tree_entry_cmp orders as git does: a folder sorts as if its name ended in '/',
        // so a file and a folder of the same name are a deletion and an addition.
        const int order = !a ? 1 : !b ? -1 : git_tree_entry_cmp(a, b);
        if (order < 0) {
            list_files(repo, a, prefix + git_tree_entry_name(a), out.deleted);
            ++i;
            continue;
        }
        if (order > 0) {
            list_files(repo, b, prefix + git_tree_entry_name(b), out.added);
            ++j;
            continue;
        }
        ++i;
        ++j;
        if (git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b)) &&
            git_tree_entry_filemode(a) == git_tree_entry_filemode(b)) {
            continue;
        }
        const std::string path = prefix + git_tree_entry_name(a);
        if (is_tree(a) && is_tree(b)) {
            const git::TreePtr old_sub = lookup_tree(repo, a);
            const git::TreePtr new_sub = lookup_tree(repo, b);
            diff_trees(repo, old_sub.get(), new_sub.get(), path + "/", out);
        } else if (is_tree(a) || is_tree(b)) {
            list_files(repo, a, path, out.deleted);  // a submodule became a folder or back
            list_files(repo, b, path, out.added);
        } else {
            out.modified.push_back(path);
        }
    }
}

}  // namespace

std::vector<std::string> TreeChanges::all_paths() const {
    std::set<std::string> paths(added.begin(), added.end());
    paths.insert(modified.begin(), modified.end());
    paths.insert(deleted.begin(), deleted.end());
    for (const auto& [from, to] : renamed) {
        paths.insert(from);
        paths.insert(to);
    }
    return {paths.begin(), paths.end()};
}

GitSpace::GitSpace(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GitSpace::GitSpace(GitSpace&&) noexcept = default;
GitSpace& GitSpace::operator=(GitSpace&&) noexcept = default;
GitSpace::~GitSpace() = default;

std::optional<GitSpace> GitSpace::open(const fs::path& space_root) {
    ensure_libgit2();
    git_repository* raw = nullptr;
    // NO_SEARCH: only a repository at the space's own top counts. A space inside some other
    // work tree (the sample content inside Lectern's source tree) is a plain folder to us:
    // its files need not be committed there.
    const int rc =
        git_repository_open_ext(&raw, space_root.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc != 0) throw libgit2_error("opening the git repository at " + space_root.string());
    git::RepositoryPtr repo(raw);
    if (git_repository_is_bare(repo.get())) return std::nullopt;
    auto impl = std::make_unique<Impl>();
    impl->repo = std::move(repo);
    return GitSpace(std::move(impl));
}

std::string GitSpace::head_commit() const {
    git_oid oid;
    const int rc = git_reference_name_to_id(&oid, impl_->repo.get(), "HEAD");
    if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) return {};
    if (rc != 0) throw libgit2_error("reading HEAD");
    return oid_string(&oid);
}

std::optional<TreeChanges> GitSpace::diff(const std::string& from, const std::string& to) const {
    git_repository* repo = impl_->repo.get();
    auto old_tree = commit_tree(repo, from);
    if (!old_tree) return std::nullopt;
    auto new_tree = commit_tree(repo, to);
    if (!new_tree) throw Error(ErrorKind::NotFound, "commit " + to + " is not in the repository");

    FileChanges files;
    diff_trees(repo, old_tree->get(), new_tree->get(), "", files);

    // Exact renames only, as libgit2's GIT_DIFF_FIND_EXACT_MATCH_ONLY finds them: a deleted
    // file whose object comes back under a new path. Comparing contents of every added and
    // deleted pair costs time and gains nothing here, since a renamed and edited file is
    // re-indexed either way.
    std::multimap<std::string, std::size_t> deleted_by_object;
    for (std::size_t k = 0; k < files.deleted.size(); ++k) {
        deleted_by_object.emplace(oid_string(&files.deleted[k].second), k);
    }
    std::vector<bool> renamed_away(files.deleted.size(), false);
    TreeChanges changes;
    for (const auto& [path, oid] : files.added) {
        if (auto it = deleted_by_object.find(oid_string(&oid)); it != deleted_by_object.end()) {
            changes.renamed.emplace_back(files.deleted[it->second].first, path);
            renamed_away[it->second] = true;
            deleted_by_object.erase(it);
        } else {
            changes.added.push_back(path);
        }
    }
    for (std::size_t k = 0; k < files.deleted.size(); ++k) {
        if (!renamed_away[k]) changes.deleted.push_back(files.deleted[k].first);
    }
    changes.modified = std::move(files.modified);
    return changes;
}

std::vector<std::string> GitSpace::uncommitted_paths() const {
    git_status_options opts = GIT_STATUS_OPTIONS_INIT;
    opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                 GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
    git_status_list* raw = nullptr;
    if (git_status_list_new(&raw, impl_->repo.get(), &opts) != 0)
        throw libgit2_error("listing uncommitted changes");
    git::StatusListPtr list(raw);
    std::set<std::string> paths;
    const std::size_t n = git_status_list_entrycount(list.get());
    for (std::size_t i = 0; i < n; ++i) {
        const git_status_entry* e = git_status_byindex(list.get(), i);
        for (const git_diff_delta* d : {e->head_to_index, e->index_to_workdir}) {
            if (!d) continue;
            if (d->old_file.path) paths.insert(d->old_file.path);
            if (d->new_file.path) paths.insert(d->new_file.path);
        }
    }
    return {paths.begin(), paths.end()};
}

}  // namespace lectern::search::incremental
