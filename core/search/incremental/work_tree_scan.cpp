#include "search/incremental/work_tree_scan.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <git2.h>
#include <git2/sys/repository.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "search/incremental/index_file.hpp"

namespace lectern::search::incremental {

namespace fs = std::filesystem;

namespace {

// Index entries compared by one worker before it takes the next batch.
constexpr std::size_t kBatch = 1024;

// An open file descriptor with one owner.
class UniqueFd {
  public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) noexcept : fd_(fd) {}
    UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    ~UniqueFd() { reset(); }
    int get() const noexcept { return fd_; }

  private:
    void reset() noexcept {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    int fd_ = -1;
};

struct DirCloser {
    void operator()(DIR* dir) const noexcept { ::closedir(dir); }
};
using DirPtr = std::unique_ptr<DIR, DirCloser>;

// An Error(Io) for the failure in errno, read before anything can change it: "doing path:
// reason".
Error io_error(const char* doing, std::string_view path) {
    const int err = errno;
    return Error(ErrorKind::Io,
                 std::string(doing) + " " + std::string(path) + ": " + std::strerror(err));
}

// What a file or folder that is not there (any more) fails with: a missing name, a file
// where a folder was, or a symbolic link where we refuse to follow one.
bool is_gone(int err) {
    return err == ENOENT || err == ENOTDIR || err == ELOOP;
}

std::string join(std::string_view folder, std::string_view name) {
    std::string path;
    path.reserve(folder.size() + 1 + name.size());
    if (!folder.empty()) {
        path.append(folder);
        path += '/';
    }
    path.append(name);
    return path;
}

git::RepositoryPtr open_work_tree(const fs::path& work_dir) {
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, work_dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) !=
        0)
        throw libgit2_error("opening the git repository at " + work_dir.string());
    return git::RepositoryPtr(raw);
}

bool config_flag(git_config* config, const char* name, bool fallback) {
    int value = 0;
    const int rc = git_config_get_bool(&value, config, name);
    if (rc == GIT_ENOTFOUND) return fallback;
    if (rc != 0) throw libgit2_error(std::string("reading the setting ") + name);
    return value != 0;
}

// The index and the settings that decide how its entries compare with files, read once and
// then shared read-only by the workers.
struct Snapshot {
    IndexFile index;
    std::vector<const IndexEntry*> to_check;    ///< entries whose file is compared
    std::vector<const IndexEntry*> attributes;  ///< the .gitattributes files of the index
    std::vector<std::string> flagged;  ///< conflicted and intent-to-add: changes as they are
    bool filemode = true;              ///< core.filemode: the executable bit counts
    bool symlinks = true;              ///< core.symlinks: links are checked out as links
    bool trust_ctime = true;           ///< core.trustctime

    std::vector<std::string_view> folders;  ///< every folder above a tracked path, sorted
};

// What a name in a folder is in the index.
enum class Tracked : unsigned char { File, Submodule, Folder };

// The names the index has in `folder` ("" for the top), and what each is. The entries under
// a folder follow each other in the index, sorted as bytes; a subfolder's are skipped over.
std::unordered_map<std::string_view, Tracked> tracked_names(const Snapshot& s,
                                                            std::string_view folder) {
    const auto& all = s.index.entries;
    const auto first_at_or_after = [&](auto from, std::string_view key) {
        return std::lower_bound(from, all.end(), key,
                                [](const IndexEntry& e, std::string_view k) { return e.path < k; });
    };
    // '0' is the character after '/': "f0" is past every path under "f/".
    std::string key(folder);
    auto it = all.begin();
    auto end = all.end();
    if (!folder.empty()) {
        key += '/';
        it = first_at_or_after(it, key);
        key.back() = '0';
        end = first_at_or_after(it, key);
    }
    const std::size_t skip = folder.empty() ? 0 : folder.size() + 1;
    std::unordered_map<std::string_view, Tracked> names;
    names.reserve(static_cast<std::size_t>(end - it));
    while (it != end) {
        const std::string_view rest = it->path.substr(skip);
        const auto slash = rest.find('/');
        if (slash == std::string_view::npos) {
            names.emplace(rest,
                          it->mode == GIT_FILEMODE_COMMIT ? Tracked::Submodule : Tracked::File);
            ++it;
            continue;
        }
        names.emplace(rest.substr(0, slash), Tracked::Folder);
        key.assign(it->path.substr(0, skip + slash));
        key += '0';
        it = first_at_or_after(it, key);
    }
    return names;
}

std::string_view parent_of(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

Snapshot read_snapshot(git_repository* repo) {
    Snapshot s;
    git_config* raw_config = nullptr;
    if (git_repository_config_snapshot(&raw_config, repo) != 0)
        throw libgit2_error("reading the repository's settings");
    const git::ConfigPtr config(raw_config);
    s.filemode = config_flag(config.get(), "core.filemode", true);
    s.symlinks = config_flag(config.get(), "core.symlinks", true);
    s.trust_ctime = config_flag(config.get(), "core.trustctime", true);

    s.index = IndexFile::load(fs::path(git_repository_path(repo)) / "index");
    s.to_check.reserve(s.index.entries.size());
    for (const IndexEntry& e : s.index.entries) {
        if (e.stage > 0 || e.intent_to_add) {
            s.flagged.emplace_back(e.path);
            continue;
        }
        if (e.mode == GIT_FILEMODE_COMMIT) continue;  // submodules are left out
        if (e.path == ".gitattributes" || e.path.ends_with("/.gitattributes"))
            s.attributes.push_back(&e);
        if (e.assume_valid || e.skip_worktree) continue;
        s.to_check.push_back(&e);
    }
    // The index is sorted by path (as bytes, like string_view), so the entries of a folder
    // mostly follow each other: its folders are listed when the folder changes.
    std::string_view last;
    for (const IndexEntry& e : s.index.entries) {
        const std::string_view folder = parent_of(e.path);
        if (!s.folders.empty() && folder == last) continue;
        last = folder;
        for (std::string_view f = folder; !f.empty(); f = parent_of(f)) s.folders.push_back(f);
    }
    s.folders.push_back("");
    std::sort(s.folders.begin(), s.folders.end());
    s.folders.erase(std::unique(s.folders.begin(), s.folders.end()), s.folders.end());
    return s;
}

enum class StatMatch { Same, Changed, ReadContent };

// git's comparison of an index entry with a file's stat data (read-cache.c, ie_modified,
// ce_match_stat_basic and is_racy_timestamp). A changed type, executable bit or size is a
// change, as git reports it without reading the file (even when its filters would make the
// content equal); a size of 0 in the index is git's mark for "compare the content". Any other
// difference, or an entry written no earlier than the index, calls for the content.
// Nanoseconds are compared where the index recorded them.
StatMatch compare(const Snapshot& s, const IndexEntry& e, const struct stat& st) {
    const auto type = e.mode & S_IFMT;
    if (type == S_IFREG) {
        if (!S_ISREG(st.st_mode)) return StatMatch::Changed;
        if (s.filemode && ((e.mode ^ st.st_mode) & S_IXUSR)) return StatMatch::Changed;
    } else if (type == S_IFLNK) {
        if (!S_ISLNK(st.st_mode) && (s.symlinks || !S_ISREG(st.st_mode))) return StatMatch::Changed;
    }
    const auto u32 = [](auto v) { return static_cast<std::uint32_t>(v); };
    if (e.size != 0 && u32(st.st_size) != e.size) return StatMatch::Changed;
    const bool same =
        u32(st.st_mtim.tv_sec) == e.mtime_seconds &&
        (e.mtime_nanoseconds == 0 || u32(st.st_mtim.tv_nsec) == e.mtime_nanoseconds) &&
        (!s.trust_ctime ||
         (u32(st.st_ctim.tv_sec) == e.ctime_seconds &&
          (e.ctime_nanoseconds == 0 || u32(st.st_ctim.tv_nsec) == e.ctime_nanoseconds))) &&
        u32(st.st_ino) == e.ino && u32(st.st_uid) == e.uid && u32(st.st_gid) == e.gid &&
        u32(st.st_size) == e.size;
    if (!same) return StatMatch::ReadContent;
    // Racily clean: the file may have changed within the second the index was written.
    if (s.index.exists && e.mtime_seconds >= s.index.written_seconds) return StatMatch::ReadContent;
    return StatMatch::Same;
}

// Folders of the work tree opened one name at a time from the top, never through a symbolic
// link (git counts a tracked file behind a link to a folder as deleted). The folders above
// the last one asked for stay open for the next, most often the same folder or a sibling.
class FolderChain {
  public:
    explicit FolderChain(int top_fd) : top_fd_(top_fd), current_fd_(top_fd) {}

    // The descriptor of `folder` ("" is the top), or -1 when it or a folder above it is gone
    // or is not a folder. Throws Error(Io) for other failures.
    int open(std::string_view folder) {
        if (folder == current_) return current_fd_;
        std::vector<std::string_view> names;
        for (std::size_t start = 0; start < folder.size();) {
            auto slash = folder.find('/', start);
            if (slash == std::string_view::npos) slash = folder.size();
            names.push_back(folder.substr(start, slash - start));
            start = slash + 1;
        }
        std::size_t keep = 0;
        while (keep < names.size() && keep < names_.size() && names_[keep] == names[keep]) ++keep;
        names_.resize(keep);
        fds_.resize(keep);
        for (std::size_t i = keep; i < names.size(); ++i) {
            const int parent = i == 0 ? top_fd_ : fds_[i - 1].get();
            names_.emplace_back(names[i]);
            int fd = -1;
            if (parent >= 0) {
                fd = ::openat(parent, names_.back().c_str(),
                              O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (fd < 0 && !is_gone(errno)) {
                    const auto end =
                        static_cast<std::size_t>(names[i].data() - folder.data()) + names[i].size();
                    throw io_error("opening the folder", folder.substr(0, end));
                }
            }
            fds_.emplace_back(fd);
        }
        current_.assign(folder);
        current_fd_ = names.empty() ? top_fd_ : fds_.back().get();
        return current_fd_;
    }

  private:
    int top_fd_;
    std::vector<std::string> names_;
    std::vector<UniqueFd> fds_;  ///< fds_[i]: the folder names_[0..i], -1 when gone
    std::string current_;        ///< the folder asked for last
    int current_fd_;
};

// The names in the folder open as `fd` (read through a descriptor of its own), without ".",
// ".." and ".git". `folder` names it in errors.
class Listing {
  public:
    Listing(int fd, std::string folder) : folder_(std::move(folder)) {
        const int own = ::openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (own < 0) throw io_error("listing the folder", folder_);
        dir_.reset(::fdopendir(own));
        if (!dir_) {
            Error error = io_error("listing the folder", folder_);
            ::close(own);
            throw error;
        }
    }

    // The next entry, or nullptr after the last. Throws Error(Io) when the listing fails.
    const dirent* next() {
        for (;;) {
            errno = 0;
            const dirent* entry = ::readdir(dir_.get());
            if (!entry) {
                if (errno != 0) throw io_error("listing the folder", folder_);
                return nullptr;
            }
            const char* name = entry->d_name;
            if (std::strcmp(name, ".") != 0 && std::strcmp(name, "..") != 0 &&
                std::strcmp(name, ".git") != 0)
                return entry;
        }
    }

  private:
    std::string folder_;
    DirPtr dir_;
};

enum class Kind { Gone, Folder, Other };

Kind kind_of(const dirent& entry, int folder_fd) {
    if (entry.d_type == DT_DIR) return Kind::Folder;
    if (entry.d_type != DT_UNKNOWN) return Kind::Other;
    struct stat st {};
    if (::fstatat(folder_fd, entry.d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) return Kind::Gone;
    return S_ISDIR(st.st_mode) ? Kind::Folder : Kind::Other;
}

// One thread's share of the scan, with its own libgit2 handle and open folders.
class Worker {
  public:
    // `repo` is borrowed; without one the worker opens its own when it needs it.
    Worker(const Snapshot& snapshot, int top_fd, const fs::path& work_dir, git_repository* repo)
        : snap_(snapshot), work_dir_(work_dir), repo_(repo), chain_(top_fd) {}

    // Takes tasks until none is left: first the listing of each folder that holds tracked
    // files, for untracked ones, then batches of entries to compare with their files.
    void run(std::atomic<std::size_t>& next) {
        const auto& folders = snap_.folders;
        const auto& entries = snap_.to_check;
        for (;;) {
            const std::size_t task = next.fetch_add(1);
            if (task < folders.size()) {
                list_folder(folders[task]);
                continue;
            }
            const std::size_t begin = (task - folders.size()) * kBatch;
            if (begin >= entries.size()) return;
            const std::size_t end = std::min(entries.size(), begin + kBatch);
            for (std::size_t i = begin; i < end; ++i) check(*entries[i]);
        }
    }

    std::vector<std::string>& found() { return found_; }

  private:
    git_repository* repo() {
        if (!repo_) {
            own_repo_ = open_work_tree(work_dir_);
            repo_ = own_repo_.get();
        }
        if (!filter_index_) {
            // libgit2 looks up .gitattributes in the repository's index when it picks the
            // filters for a file, and its CRLF filter looks at the file's own entry there.
            // Reading the whole index for that (checking its SHA-1, mapping its entries) takes
            // longer than the rest of a scan at 50,000 entries, so the repository gets an index
            // in memory that holds those entries only: the attribute files now, each file's
            // own entry before it is hashed.
            git_index* raw = nullptr;
            if (git_index_new(&raw) != 0) throw libgit2_error("making an index in memory");
            filter_index_.reset(raw);
            if (git_repository_set_index(repo_, raw) != 0)
                throw libgit2_error("giving the repository an index in memory");
            for (const IndexEntry* e : snap_.attributes) add_to_filter_index(*e);
        }
        return repo_;
    }

    void add_to_filter_index(const IndexEntry& e) {
        git_index_entry entry{};
        entry.path = e.path.data();
        entry.mode = e.mode;
        entry.file_size = e.size;
        std::memcpy(entry.id.id, e.id.data(), e.id.size());
        if (git_index_add(filter_index_.get(), &entry) != 0)
            throw libgit2_error("adding " + std::string(e.path) + " to the index in memory");
    }

    void check(const IndexEntry& e) {
        const std::string_view path = e.path;
        const auto slash = path.rfind('/');
        const std::string_view folder =
            slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
        const char* name = e.path.data() + (slash == std::string_view::npos ? 0 : slash + 1);
        const int fd = chain_.open(folder);
        if (fd < 0) {
            found_.emplace_back(path);
            return;
        }
        struct stat st {};
        if (::fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            if (!is_gone(errno)) throw io_error("reading", path);
            found_.emplace_back(path);
            return;
        }
        switch (compare(snap_, e, st)) {
            case StatMatch::Same:
                return;
            case StatMatch::Changed:
                found_.emplace_back(path);
                return;
            case StatMatch::ReadContent:
                if (content_differs(e, fd, name, st)) found_.emplace_back(path);
                return;
        }
    }

    // Whether the file's blob, as git would store it (the repository's filters applied; a
    // link's target), differs from the entry's.
    bool content_differs(const IndexEntry& e, int folder_fd, const char* name,
                         const struct stat& st) {
        git_oid id;
        if (S_ISLNK(st.st_mode)) {
            std::string target(static_cast<std::size_t>(st.st_size) + 1, '\0');
            const auto n = ::readlinkat(folder_fd, name, target.data(), target.size());
            if (n < 0) {
                if (is_gone(errno) || errno == EINVAL) return true;  // replaced meanwhile
                throw io_error("reading the link", e.path);
            }
            // A target longer than lstat said: the link was replaced meanwhile.
            if (static_cast<std::size_t>(n) >= target.size()) return true;
            if (git_odb_hash(&id, target.data(), static_cast<std::size_t>(n), GIT_OBJECT_BLOB) != 0)
                throw libgit2_error("hashing the link " + std::string(e.path));
        } else {
            git_repository* repository = repo();
            add_to_filter_index(e);
            const int rc =
                git_repository_hashfile(&id, repository, e.path.data(), GIT_OBJECT_BLOB, nullptr);
            if (rc == GIT_ENOTFOUND) return true;  // deleted since it was looked at
            if (rc != 0) throw libgit2_error("reading " + std::string(e.path));
        }
        return std::memcmp(id.id, e.id.data(), e.id.size()) != 0;
    }

    bool ignored(const std::string& path) {
        int ignored = 0;
        if (git_ignore_path_is_ignored(&ignored, repo(), path.c_str()) != 0)
            throw libgit2_error("checking whether " + path + " is ignored");
        return ignored != 0;
    }

    void list_folder(std::string_view folder) {
        const int fd = chain_.open(folder);
        // A folder that is gone has its files reported; what replaced it is found in the
        // listing of the folder above.
        if (fd < 0) return;
        Listing listing(fd, folder.empty() ? "at the top" : std::string(folder));
        const auto tracked = tracked_names(snap_, folder);
        std::string path;  // reused: most names need no string of their own
        while (const dirent* entry = listing.next()) {
            const auto it = tracked.find(std::string_view(entry->d_name));
            const Kind kind = kind_of(*entry, fd);
            if (kind == Kind::Gone) continue;
            // Tracked and still of its kind: compared with its entries, or listed on its own.
            // A tracked file that became a folder is reported as deleted, its files as new.
            const bool folder_entry = it != tracked.end() && it->second == Tracked::Folder;
            if (it != tracked.end() && (kind == Kind::Folder) == folder_entry) continue;
            if (it != tracked.end() && it->second == Tracked::Submodule) continue;
            path.assign(folder);
            if (!folder.empty()) path += '/';
            path += entry->d_name;
            if (kind == Kind::Folder)
                list_untracked_folder(fd, path, entry->d_name);
            else if (!ignored(path))
                found_.push_back(path);
        }
    }

    // Every file under a folder that nothing in the index is in, unless ignored.
    void list_untracked_folder(int parent_fd, const std::string& path, const char* name) {
        if (ignored(path + "/")) return;
        const UniqueFd fd(
            ::openat(parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (fd.get() < 0) {
            if (is_gone(errno)) return;
            throw io_error("opening the folder", path);
        }
        // A folder with a .git of its own is another repository: git lists it as "folder/"
        // and does not look inside.
        struct stat st {};
        if (::fstatat(fd.get(), ".git", &st, AT_SYMLINK_NOFOLLOW) == 0) {
            found_.push_back(path + "/");
            return;
        }
        Listing listing(fd.get(), path);
        while (const dirent* entry = listing.next()) {
            const std::string child = join(path, entry->d_name);
            switch (kind_of(*entry, fd.get())) {
                case Kind::Gone:
                    break;
                case Kind::Folder:
                    list_untracked_folder(fd.get(), child, entry->d_name);
                    break;
                case Kind::Other:
                    if (!ignored(child)) found_.push_back(child);
                    break;
            }
        }
    }

    const Snapshot& snap_;
    const fs::path& work_dir_;
    git::RepositoryPtr own_repo_;
    git_repository* repo_;
    git::IndexPtr filter_index_;  ///< the index repo_ sees (it holds a reference too)
    FolderChain chain_;
    std::vector<std::string> found_;
};

// The whole scan: this thread reads the index (and tells its tree to `index_read`), then it
// and a helper share the tasks.
std::vector<std::string> scan(const fs::path& work_dir,
                              std::promise<std::optional<ObjectId>>& index_read) {
    ensure_libgit2();
    const git::RepositoryPtr repo = open_work_tree(work_dir);
    const Snapshot snap = read_snapshot(repo.get());
    index_read.set_value(snap.index.tree);
    const UniqueFd top(::open(work_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (top.get() < 0) throw io_error("opening the work tree", work_dir.native());

    std::atomic<std::size_t> next{0};
    std::vector<std::string> helper_found;
    std::exception_ptr helper_error;
    Worker lead(snap, top.get(), work_dir, repo.get());
    {
        std::jthread helper;
        if (std::min(2u, std::thread::hardware_concurrency()) > 1 &&
            snap.to_check.size() > kBatch) {
            helper = std::jthread([&] {
                try {
                    Worker worker(snap, top.get(), work_dir, nullptr);
                    worker.run(next);
                    helper_found = std::move(worker.found());
                } catch (...) {
                    helper_error = std::current_exception();
                }
            });
        }
        lead.run(next);
    }
    if (helper_error) std::rethrow_exception(helper_error);
    std::vector<std::string> found = std::move(lead.found());
    found.insert(found.end(), std::make_move_iterator(helper_found.begin()),
                 std::make_move_iterator(helper_found.end()));
    found.insert(found.end(), snap.flagged.begin(), snap.flagged.end());
    return found;
}

}  // namespace

WorkTreeScan::WorkTreeScan(fs::path work_dir)
    : thread_([this, dir = std::move(work_dir)] {
          try {
              found_ = scan(dir, index_read_);
          } catch (...) {
              error_ = std::current_exception();
              // Failed before the index was read: index_tree() says nothing, wait() throws.
              try {
                  index_read_.set_value(std::nullopt);
              } catch (const std::future_error&) {
              }
          }
      }) {}

WorkTreeScan::~WorkTreeScan() = default;

std::vector<std::string> WorkTreeScan::wait() {
    if (thread_.joinable()) thread_.join();
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    return std::move(found_);
}

}  // namespace lectern::search::incremental
