#include "content/history.hpp"

#include <git2.h>

#include <cstdio>
#include <ctime>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "common/text.hpp"

namespace lectern::content {

namespace fs = std::filesystem;

struct ContentRepository::Impl {
    git::RepositoryPtr repo;
};

namespace {

std::string oid_string(const git_oid* oid) {
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return hex;
}

git::TreePtr tree_of(const git_commit* commit) {
    git_tree* raw = nullptr;
    if (git_commit_tree(&raw, commit) != 0) {
        throw libgit2_error("reading the tree of commit " + oid_string(git_commit_id(commit)));
    }
    return git::TreePtr(raw);
}

// The blob id of `path` in `tree`, or nullopt when the tree has no file there.
std::optional<git_oid> blob_at(git_tree* tree, const std::string& path) {
    git_tree_entry* raw = nullptr;
    const int rc = git_tree_entry_bypath(&raw, tree, path.c_str());
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc != 0) throw libgit2_error("looking up " + path);
    git::TreeEntryPtr entry(raw);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return std::nullopt;
    return *git_tree_entry_id(entry.get());
}

// Where `path` in `newer` came from in `older` when it was renamed (or copied) between them,
// the way `git log --follow` finds it: git's own similarity detection on the two trees.
std::optional<std::string> renamed_from(git_repository* repo, git_tree* older, git_tree* newer,
                                        const std::string& path) {
    git_diff* raw = nullptr;
    if (git_diff_tree_to_tree(&raw, repo, older, newer, nullptr) != 0) {
        throw libgit2_error("comparing two commits to follow " + path);
    }
    git::DiffPtr diff(raw);
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    if (git_diff_find_similar(diff.get(), &find) != 0) {
        throw libgit2_error("finding renamed files to follow " + path);
    }
    const std::size_t n = git_diff_num_deltas(diff.get());
    for (std::size_t i = 0; i < n; ++i) {
        const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
        if (d->status == GIT_DELTA_RENAMED && path == d->new_file.path) return d->old_file.path;
    }
    return std::nullopt;
}

// Owns the trailer array libgit2 fills in (a struct, not a pointer, so no unique_ptr alias).
class Trailers {
  public:
    explicit Trailers(const char* message) {
        if (git_message_trailers(&array_, message) != 0) array_ = {};
    }
    ~Trailers() { git_message_trailer_array_free(&array_); }
    Trailers(const Trailers&) = delete;
    Trailers& operator=(const Trailers&) = delete;
    const git_message_trailer_array& get() const noexcept { return array_; }

  private:
    git_message_trailer_array array_{};
};

DocumentVersion make_version(const git_commit* commit, const git_oid& blob,
                             const std::string& path) {
    DocumentVersion v;
    v.commit = oid_string(git_commit_id(commit));
    v.blob_id = oid_string(&blob);
    v.path = path;
    v.time = static_cast<std::int64_t>(git_commit_time(commit));
    v.utc_offset_minutes = git_commit_time_offset(commit);
    if (const git_signature* who = git_commit_author(commit)) {
        v.author = who->name ? who->name : "";
        v.author_email = who->email ? who->email : "";
    }
    const char* message = git_commit_message(commit);
    v.message = message ? message : "";
    // git_commit_summary caches into the commit object, which is why it takes a non-const one.
    const char* summary = git_commit_summary(const_cast<git_commit*>(commit));
    v.summary = summary ? summary : "";
    v.minor = is_minor_change(v.message);
    return v;
}

}  // namespace

ContentRepository::ContentRepository(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ContentRepository::ContentRepository(ContentRepository&&) noexcept = default;
ContentRepository& ContentRepository::operator=(ContentRepository&&) noexcept = default;
ContentRepository::~ContentRepository() = default;

std::optional<ContentRepository> ContentRepository::open(const fs::path& space_root) {
    ensure_libgit2();
    git_repository* raw = nullptr;
    // NO_SEARCH: a space inside some other work tree (the sample content inside Lectern's
    // source tree) has no history of its own; the enclosing repository's is not the space's.
    const int rc =
        git_repository_open_ext(&raw, space_root.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc != 0) throw libgit2_error("opening the git repository at " + space_root.string());
    git::RepositoryPtr repo(raw);
    if (git_repository_is_bare(repo.get())) return std::nullopt;
    auto impl = std::make_unique<Impl>();
    impl->repo = std::move(repo);
    return ContentRepository(std::move(impl));
}

std::string ContentRepository::head_commit() const {
    git_oid oid;
    const int rc = git_reference_name_to_id(&oid, impl_->repo.get(), "HEAD");
    if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) return {};
    if (rc != 0) throw libgit2_error("reading HEAD");
    return oid_string(&oid);
}

std::vector<DocumentVersion> ContentRepository::history(const std::string& path,
                                                        const HistoryOptions& options) const {
    git_repository* repo = impl_->repo.get();
    git_object* raw_start = nullptr;
    int rc = git_revparse_single(&raw_start, repo, options.start.c_str());
    if (rc == GIT_ENOTFOUND && options.start == "HEAD") return {};  // no commit yet
    if (rc == GIT_ENOTFOUND || rc == GIT_EAMBIGUOUS || rc == GIT_EINVALIDSPEC) {
        throw Error(ErrorKind::NotFound, "there is no commit " + options.start +
                                             " in the content repository; sync and try again");
    }
    if (rc != 0) throw libgit2_error("finding commit " + options.start);
    git::ObjectPtr start(raw_start);
    git_object* raw_peeled = nullptr;
    if (git_object_peel(&raw_peeled, start.get(), GIT_OBJECT_COMMIT) != 0) {
        throw Error(ErrorKind::NotFound, options.start + " is not a commit");
    }
    git::CommitPtr commit(reinterpret_cast<git_commit*>(raw_peeled));

    std::string current_path = path;
    git::TreePtr tree = tree_of(commit.get());
    std::optional<git_oid> blob = blob_at(tree.get(), current_path);
    std::vector<DocumentVersion> versions;
    while (blob) {
        if (options.limit != 0 && versions.size() >= options.limit) break;
        git_commit* raw_parent = nullptr;
        rc = git_commit_parent(&raw_parent, commit.get(), 0);
        if (rc == GIT_ENOTFOUND) {  // the root commit added the file
            versions.push_back(make_version(commit.get(), *blob, current_path));
            break;
        }
        if (rc != 0) throw libgit2_error("reading the parent of a commit");
        git::CommitPtr parent(raw_parent);
        git::TreePtr parent_tree = tree_of(parent.get());

        std::string parent_path = current_path;
        std::optional<git_oid> parent_blob = blob_at(parent_tree.get(), parent_path);
        if (!parent_blob && options.follow_renames) {
            if (auto from = renamed_from(repo, parent_tree.get(), tree.get(), current_path)) {
                parent_path = *from;
                parent_blob = blob_at(parent_tree.get(), parent_path);
            }
        }
        if (!parent_blob || !git_oid_equal(&*parent_blob, &*blob)) {
            versions.push_back(make_version(commit.get(), *blob, current_path));
        }
        commit = std::move(parent);
        tree = std::move(parent_tree);
        blob = parent_blob;
        current_path = parent_path;
    }
    return versions;
}

std::optional<std::string> ContentRepository::read_blob(const std::string& blob_id) const {
    git_oid oid;
    if (blob_id.size() != GIT_OID_HEXSZ || git_oid_fromstr(&oid, blob_id.c_str()) != 0) {
        return std::nullopt;
    }
    git_blob* raw = nullptr;
    const int rc = git_blob_lookup(&raw, impl_->repo.get(), &oid);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc != 0) throw libgit2_error("reading version " + blob_id);
    git::BlobPtr blob(raw);
    const auto* bytes = static_cast<const char*>(git_blob_rawcontent(blob.get()));
    return std::string(bytes, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

std::optional<std::string> ContentRepository::read_file_at(const std::string& commit_id,
                                                           const std::string& path) const {
    git_oid oid;
    git_commit* raw = nullptr;
    if (git_oid_fromstr(&oid, commit_id.c_str()) != 0 ||
        git_commit_lookup(&raw, impl_->repo.get(), &oid) != 0) {
        throw Error(
            ErrorKind::NotFound,
            "commit " + commit_id + " is not in the content repository; sync and try again");
    }
    git::CommitPtr commit(raw);
    git::TreePtr tree = tree_of(commit.get());
    const auto blob = blob_at(tree.get(), path);
    if (!blob) return std::nullopt;
    return read_blob(oid_string(&*blob));
}

std::string rfc3339(std::int64_t time, int utc_offset_minutes) {
    const std::time_t local =
        static_cast<std::time_t>(time + std::int64_t{utc_offset_minutes} * 60);
    std::tm tm{};
    gmtime_r(&local, &tm);
    char date[32];
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
    if (utc_offset_minutes == 0) return std::string(date) + "Z";
    const int minutes = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
    char zone[24];
    std::snprintf(zone, sizeof zone, "%c%02d:%02d", utc_offset_minutes < 0 ? '-' : '+',
                  minutes / 60, minutes % 60);
    return std::string(date) + zone;
}

bool is_minor_change(const std::string& commit_message) {
    ensure_libgit2();
    Trailers trailers(commit_message.c_str());
    const auto& array = trailers.get();
    for (std::size_t i = 0; i < array.count; ++i) {
        const auto& t = array.trailers[i];
        if (utf8_lower(t.key) == "lectern-change" && utf8_lower(t.value) == "minor") return true;
    }
    return false;
}

}  // namespace lectern::content
