#include "search/incremental/git_space.hpp"

#include <git2.h>

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

    git_diff* raw_diff = nullptr;
    if (git_diff_tree_to_tree(&raw_diff, repo, old_tree->get(), new_tree->get(), nullptr) != 0) {
        throw libgit2_error("comparing commits " + from + " and " + to);
    }
    git::DiffPtr diff(raw_diff);
    // Exact renames only: comparing contents of every added and deleted pair costs time and
    // gains nothing here, since a renamed and edited file is re-indexed either way.
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_EXACT_MATCH_ONLY;
    if (git_diff_find_similar(diff.get(), &find) != 0) throw libgit2_error("finding renamed files");

    TreeChanges changes;
    const std::size_t n = git_diff_num_deltas(diff.get());
    for (std::size_t i = 0; i < n; ++i) {
        const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
        switch (d->status) {
            case GIT_DELTA_ADDED:
                changes.added.emplace_back(d->new_file.path);
                break;
            case GIT_DELTA_DELETED:
                changes.deleted.emplace_back(d->old_file.path);
                break;
            case GIT_DELTA_RENAMED:
                changes.renamed.emplace_back(d->old_file.path, d->new_file.path);
                break;
            default:
                changes.modified.emplace_back(d->new_file.path);
                break;
        }
    }
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
