#include "search/incremental/git_space.hpp"

#include <git2.h>

#include <cstring>
#include <map>
#include <set>

#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "search/incremental/work_tree_scan.hpp"

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

ObjectId to_id(const git_oid* oid) {
    ObjectId id;
    std::memcpy(id.data(), oid->id, id.size());
    return id;
}

std::string id_string(const ObjectId& id) {
    git_oid oid;
    std::memcpy(oid.id, id.data(), id.size());
    return oid_string(&oid);
}

// The id of the tree of a commit, or nullopt when the commit is not in the repository.
std::optional<ObjectId> commit_tree_id(git_repository* repo, const std::string& commit_id) {
    git_oid oid;
    if (git_oid_fromstr(&oid, commit_id.c_str()) != 0) return std::nullopt;
    git_commit* raw_commit = nullptr;
    const int rc = git_commit_lookup(&raw_commit, repo, &oid);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc != 0) throw libgit2_error("reading commit " + commit_id);
    git::CommitPtr commit(raw_commit);
    return to_id(git_commit_tree_id(commit.get()));
}

// Whether HEAD's tree is `index_tree`, the index's own id for itself (WorkTreeScan::index_tree):
// then nothing is staged and the index needs no comparing with HEAD.
bool head_is(git_repository* repo, const std::optional<ObjectId>& index_tree) {
    if (!index_tree) return false;
    git_oid head;
    if (git_reference_name_to_id(&head, repo, "HEAD") != 0) return false;
    const auto tree = commit_tree_id(repo, oid_string(&head));
    return tree && *tree == *index_tree;
}

struct FileChanges {
    std::vector<std::pair<std::string, ObjectId>> added, deleted;
    std::vector<std::string> modified;
};

// Walks two trees side by side in git's order of entries, opening only the folders whose ids
// differ. libgit2's tree-to-tree diff compares every entry of both sides through its
// iterators: 200-300 ms for the two 35,000-entry trees of one flat folder, where reading them
// and comparing ids takes a fraction of that. With a cache, the old side's large trees come
// from it, and the new side's large trees go into the cache for the next diff.
class TreeWalk {
  public:
    TreeWalk(git_repository* repo, TreeCache* cache, TreeChanges& counts)
        : repo_(repo), cache_(cache), counts_(counts) {
        if (cache_) previous_ = std::move(*cache_);
    }

    // What the cache holds afterwards: the large trees of the new commit that this walk read,
    // and those it kept that the walk did not replace. A tree the walk did not take is in the
    // new commit still: either its entry compared equal or it lies under a folder that did.
    void finish() {
        if (!cache_) return;
        previous_.move_into(next_);
        *cache_ = std::move(next_);
    }

    // `path` names the folder in errors; empty for the top folder.
    TreeListing read_old(const ObjectId& id, const std::string& path) {
        if (auto kept = previous_.take(id)) {
            ++counts_.trees_from_cache;
            return std::move(*kept);
        }
        return read(id, path);
    }

    TreeListing read_new(const ObjectId& id, const std::string& path) { return read(id, path); }

    // A tree of the new commit, once the walk is done with it.
    void keep(const ObjectId& id, TreeListing listing) {
        if (cache_ && listing.size() >= kCachedTreeMinEntries) next_.put(id, std::move(listing));
    }

    void diff(const TreeListing& old_tree, const TreeListing& new_tree, const std::string& prefix,
              FileChanges& out) {
        const std::size_t old_n = old_tree.size();
        const std::size_t new_n = new_tree.size();
        std::size_t i = 0, j = 0;
        while (i < old_n || j < new_n) {
            // A folder sorts as if its name ended in '/', so a file and a folder of the same
            // name are a deletion and an addition.
            const int order =
                i == old_n   ? 1
                : j == new_n ? -1
                             : TreeListing::compare(old_tree.name(i), old_tree.entry(i).is_tree(),
                                                    new_tree.name(j), new_tree.entry(j).is_tree());
            if (order < 0) {
                list_old(old_tree.entry(i), prefix + std::string(old_tree.name(i)), out.deleted);
                ++i;
                continue;
            }
            if (order > 0) {
                list_new(new_tree.entry(j), prefix + std::string(new_tree.name(j)), out.added);
                ++j;
                continue;
            }
            const TreeEntry& a = old_tree.entry(i);
            const TreeEntry& b = new_tree.entry(j);
            const std::string path = prefix + std::string(old_tree.name(i));
            ++i;
            ++j;
            if (a.id == b.id && a.mode == b.mode) continue;
            if (a.is_tree() && b.is_tree()) {
                const TreeListing old_sub = read_old(a.id, path);
                TreeListing new_sub = read_new(b.id, path);
                diff(old_sub, new_sub, path + "/", out);
                keep(b.id, std::move(new_sub));
            } else if (a.is_tree() || b.is_tree()) {
                list_old(a, path, out.deleted);  // a submodule became a folder or back
                list_new(b, path, out.added);
            } else {
                out.modified.push_back(path);
            }
        }
    }

  private:
    TreeListing read(const ObjectId& id, const std::string& path) {
        git_oid oid;
        std::memcpy(oid.id, id.data(), id.size());
        git_tree* raw = nullptr;
        if (git_tree_lookup(&raw, repo_, &oid) != 0)
            throw libgit2_error("reading the folder " + (path.empty() ? "at the top" : path) +
                                " (tree " + id_string(id) + ")");
        const git::TreePtr tree(raw);
        ++counts_.trees_read;
        const std::size_t n = git_tree_entrycount(tree.get());
        std::size_t name_bytes = 0;
        for (std::size_t k = 0; k < n; ++k)
            name_bytes += std::strlen(git_tree_entry_name(git_tree_entry_byindex(tree.get(), k)));
        TreeListing listing;
        listing.reserve(n, name_bytes);
        for (std::size_t k = 0; k < n; ++k) {
            const git_tree_entry* e = git_tree_entry_byindex(tree.get(), k);
            listing.add(git_tree_entry_name(e),
                        static_cast<std::uint32_t>(git_tree_entry_filemode(e)),
                        to_id(git_tree_entry_id(e)));
        }
        return listing;
    }

    // Every file under an entry of the old side (itself when it is not a folder).
    void list_old(const TreeEntry& entry, const std::string& path,
                  std::vector<std::pair<std::string, ObjectId>>& out) {
        if (!entry.is_tree()) {
            out.emplace_back(path, entry.id);
            return;
        }
        const TreeListing tree = read_old(entry.id, path);
        for (std::size_t k = 0; k < tree.size(); ++k)
            list_old(tree.entry(k), path + "/" + std::string(tree.name(k)), out);
    }

    // Every file under an entry of the new side; its folders are kept.
    void list_new(const TreeEntry& entry, const std::string& path,
                  std::vector<std::pair<std::string, ObjectId>>& out) {
        if (!entry.is_tree()) {
            out.emplace_back(path, entry.id);
            return;
        }
        TreeListing tree = read_new(entry.id, path);
        for (std::size_t k = 0; k < tree.size(); ++k)
            list_new(tree.entry(k), path + "/" + std::string(tree.name(k)), out);
        keep(entry.id, std::move(tree));
    }

    git_repository* repo_;
    TreeCache* cache_;
    TreeChanges& counts_;
    TreeCache previous_;
    TreeCache next_;
};

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

std::optional<TreeChanges> GitSpace::diff(const std::string& from, const std::string& to,
                                          TreeCache* cache) const {
    git_repository* repo = impl_->repo.get();
    const auto old_root = commit_tree_id(repo, from);
    if (!old_root) return std::nullopt;
    const auto new_root = commit_tree_id(repo, to);
    if (!new_root) throw Error(ErrorKind::NotFound, "commit " + to + " is not in the repository");

    TreeChanges changes;
    FileChanges files;
    TreeWalk walk(repo, cache, changes);
    if (*old_root != *new_root) {
        const TreeListing old_tree = walk.read_old(*old_root, "");
        TreeListing new_tree = walk.read_new(*new_root, "");
        walk.diff(old_tree, new_tree, "", files);
        walk.keep(*new_root, std::move(new_tree));
    }
    walk.finish();

    // Exact renames only, as libgit2's GIT_DIFF_FIND_EXACT_MATCH_ONLY finds them: a deleted
    // file whose object comes back under a new path. Comparing contents of every added and
    // deleted pair costs time and gains nothing here, since a renamed and edited file is
    // re-indexed either way.
    std::multimap<ObjectId, std::size_t> deleted_by_object;
    for (std::size_t k = 0; k < files.deleted.size(); ++k) {
        deleted_by_object.emplace(files.deleted[k].second, k);
    }
    std::vector<bool> renamed_away(files.deleted.size(), false);
    for (const auto& [path, id] : files.added) {
        if (auto it = deleted_by_object.find(id); it != deleted_by_object.end()) {
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
    git_repository* repo = impl_->repo.get();
    // The work tree against the index on threads of its own (libgit2's work-tree status stats
    // every file by its full path on one thread), while this one compares HEAD with the
    // index, unless the index says it is HEAD's tree (nothing staged, the common case).
    WorkTreeScan work_tree(git_repository_workdir(repo));
    std::set<std::string> paths;
    if (!head_is(repo, work_tree.index_tree())) {
        git_status_options opts = GIT_STATUS_OPTIONS_INIT;
        opts.show = GIT_STATUS_SHOW_INDEX_ONLY;
        opts.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
        git_status_list* raw = nullptr;
        if (git_status_list_new(&raw, repo, &opts) != 0)
            throw libgit2_error("comparing the index with HEAD");
        git::StatusListPtr list(raw);
        const std::size_t n = git_status_list_entrycount(list.get());
        for (std::size_t i = 0; i < n; ++i) {
            const git_diff_delta* d = git_status_byindex(list.get(), i)->head_to_index;
            if (!d) continue;
            if (d->old_file.path) paths.insert(d->old_file.path);
            if (d->new_file.path) paths.insert(d->new_file.path);
        }
    }
    for (auto& p : work_tree.wait()) paths.insert(std::move(p));
    return {paths.begin(), paths.end()};
}

}  // namespace lectern::search::incremental
