#include "sync/working_tree.hpp"

#include <git2.h>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "sync/file_ops.hpp"

namespace lectern::sync {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSpareMark = "lectern-spare";

std::string oid_string(const git_oid* oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return hex;
}

void set_config(git_repository* repo) {
    git_config* raw = nullptr;
    if (git_repository_config(&raw, repo) != 0) throw libgit2_error("opening a tree's config");
    git::ConfigPtr config(raw);
    // A symbolic link from the server is written as a small file holding its target, so a
    // link can never make a later write land outside the tree.
    for (const auto& [key, value] :
         {std::pair{"core.symlinks", false}, std::pair{"core.protectNTFS", true},
          std::pair{"core.protectHFS", true}}) {
        if (git_config_set_bool(config.get(), key, value) != 0)
            throw libgit2_error("writing a tree's config");
    }
}

}  // namespace

struct WorkingTree::Impl {
    git::RepositoryPtr repo;
};

WorkingTree::WorkingTree(fs::path folder, std::unique_ptr<Impl> impl)
    : folder_(std::move(folder)), impl_(std::move(impl)) {}
WorkingTree::WorkingTree(WorkingTree&&) noexcept = default;
WorkingTree& WorkingTree::operator=(WorkingTree&&) noexcept = default;
WorkingTree::~WorkingTree() = default;

std::optional<WorkingTree> WorkingTree::open(const fs::path& folder) {
    ensure_libgit2();
    std::error_code ec;
    if (!fs::is_directory(folder / ".git", ec)) return std::nullopt;
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, folder.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0)
        return std::nullopt;
    git::RepositoryPtr repo(raw);
    if (git_repository_is_bare(repo.get())) return std::nullopt;
    auto impl = std::make_unique<Impl>();
    impl->repo = std::move(repo);
    return WorkingTree(folder, std::move(impl));
}

WorkingTree WorkingTree::create(const fs::path& folder, const fs::path& objects_from) {
    ensure_libgit2();
    files::remove_tree_quietly(folder);
    git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    opts.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
    git_repository* raw = nullptr;
    if (git_repository_init_ext(&raw, folder.c_str(), &opts) != 0)
        throw libgit2_error("creating a tree at " + folder.string());
    git::RepositoryPtr repo(raw);
    set_config(repo.get());
    // Relative to this tree's .git/objects, so the pair of trees can swap names.
    const fs::path alternates = folder / ".git" / "objects" / "info" / "alternates";
    fs::create_directories(alternates.parent_path());
    files::write_atomically(
        alternates,
        (fs::path("..") / ".." / ".." / objects_from.filename() / "objects").string() + "\n", 0644);
    // Reopen: the object database reads alternates when the repository is opened.
    repo.reset();
    auto tree = open(folder);
    if (!tree) throw Error(ErrorKind::Library, "cannot open the new tree at " + folder.string());
    return std::move(*tree);
}

std::string WorkingTree::head_commit() const {
    git_oid oid;
    const int rc = git_reference_name_to_id(&oid, impl_->repo.get(), "HEAD");
    if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) return {};
    if (rc != 0) throw libgit2_error("reading HEAD of " + folder_.string());
    return oid_string(&oid);
}

std::vector<LocalEdit> WorkingTree::local_edits() const {
    git_status_options opts = GIT_STATUS_OPTIONS_INIT;
    opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                 GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
    git_status_list* raw = nullptr;
    if (git_status_list_new(&raw, impl_->repo.get(), &opts) != 0)
        throw libgit2_error("reading the status of " + folder_.string());
    git::StatusListPtr list(raw);
    std::vector<LocalEdit> out;
    const std::size_t n = git_status_list_entrycount(list.get());
    for (std::size_t i = 0; i < n; ++i) {
        const git_status_entry* e = git_status_byindex(list.get(), i);
        const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
        if (!d) continue;
        const char* path = d->new_file.path ? d->new_file.path : d->old_file.path;
        const bool deleted = (e->status & (GIT_STATUS_WT_DELETED | GIT_STATUS_INDEX_DELETED)) != 0;
        out.push_back({path, deleted});
    }
    return out;
}

void WorkingTree::check_out(const std::string& commit, const Progress& progress) {
    git_oid oid;
    if (git_oid_fromstr(&oid, commit.c_str()) != 0)
        throw Error(ErrorKind::InvalidArgument, "'" + commit + "' is not a commit id");
    git_commit* raw_commit = nullptr;
    if (git_commit_lookup(&raw_commit, impl_->repo.get(), &oid) != 0)
        throw libgit2_error("reading commit " + commit);
    git::CommitPtr c(raw_commit);
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, c.get()) != 0)
        throw libgit2_error("reading the tree of " + commit);
    git::TreePtr tree(raw_tree);

    git_checkout_options opts = GIT_CHECKOUT_OPTIONS_INIT;
    // FORCE and REMOVE_*: whatever a killed checkout or an agent left, the folder ends up
    // holding exactly the commit's files.
    opts.checkout_strategy =
        GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED | GIT_CHECKOUT_REMOVE_IGNORED;
    opts.progress_cb = [](const char*, size_t done, size_t total, void* payload) {
        static_cast<const Progress*>(payload)->step("checkout", done, total);
    };
    opts.progress_payload = const_cast<Progress*>(&progress);
    if (git_checkout_tree(impl_->repo.get(), reinterpret_cast<git_object*>(tree.get()), &opts) != 0)
        throw libgit2_error("checking out " + commit + " into " + folder_.string());
    if (git_repository_set_head_detached(impl_->repo.get(), &oid) != 0)
        throw libgit2_error("pointing HEAD of " + folder_.string() + " at " + commit);
}

void WorkingTree::mark_spare(bool spare) const {
    const fs::path mark = folder_ / ".git" / kSpareMark;
    if (spare) {
        files::write_atomically(mark, "not read by anyone: the next sync overwrites this tree\n",
                                0644);
    } else {
        std::error_code ec;
        fs::remove(mark, ec);
        files::sync_folder(mark.parent_path());
    }
}

bool WorkingTree::is_marked_spare() const {
    std::error_code ec;
    return fs::exists(folder_ / ".git" / kSpareMark, ec);
}

}  // namespace lectern::sync
