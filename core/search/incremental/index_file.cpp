#include "search/incremental/index_file.hpp"

#include <fcntl.h>
#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"

namespace lectern::search::incremental {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kHeaderSize = 12;
constexpr std::size_t kChecksumSize = 20;
// ctime, mtime (seconds and nanoseconds), dev, ino, mode, uid, gid, size; the id; the flags.
constexpr std::size_t kFixedEntrySize = 10 * 4 + 20 + 2;

constexpr std::uint16_t kAssumeValid = 0x8000;
constexpr std::uint16_t kExtended = 0x4000;
constexpr std::uint16_t kStageMask = 0x3000;
constexpr std::uint16_t kSkipWorktree = 0x4000;  // of the extended flags
constexpr std::uint16_t kIntentToAdd = 0x2000;

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

std::uint16_t be16(const unsigned char* p) {
    return static_cast<std::uint16_t>((p[0] << 8) | p[1]);
}

class IndexFileFd {
  public:
    explicit IndexFileFd(int fd) noexcept : fd_(fd) {}
    IndexFileFd(const IndexFileFd&) = delete;
    IndexFileFd& operator=(const IndexFileFd&) = delete;
    ~IndexFileFd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const noexcept { return fd_; }

  private:
    int fd_;
};

// An Error(Io) for the failure in errno, read before anything can change it.
Error io_error(const char* doing, const fs::path& file) {
    const int err = errno;
    return Error(ErrorKind::Io,
                 std::string(doing) + " " + file.native() + ": " + std::strerror(err));
}

Error malformed(const fs::path& file, const std::string& what) {
    return Error(ErrorKind::InvalidContent,
                 "the git index " + file.string() + " is damaged: " + what);
}

// The top folder's record of a cache-tree extension: "" NUL, its entry count in ASCII
// (-1 when invalidated), a space, its subfolder count, a newline, then the tree's id when
// valid. The tree, with the number of index entries it covers, or nullopt when invalid or
// not as expected.
std::optional<std::pair<ObjectId, long>> top_of_cache_tree(const unsigned char* p,
                                                           std::size_t size) {
    const auto* end = p + size;
    if (p == end || *p != '\0') return std::nullopt;  // the top folder's path is empty
    ++p;
    long count = 0;
    bool negative = false;
    if (p != end && *p == '-') {
        negative = true;
        ++p;
    }
    const auto* digits = p;
    while (p != end && *p >= '0' && *p <= '9' && count < (1L << 40))
        count = count * 10 + (*p++ - '0');
    if (p == digits || negative) return std::nullopt;
    if (p == end || *p++ != ' ') return std::nullopt;
    while (p != end && *p >= '0' && *p <= '9') ++p;
    if (p == end || *p++ != '\n') return std::nullopt;
    ObjectId id;
    if (static_cast<std::size_t>(end - p) < id.size()) return std::nullopt;
    std::memcpy(id.data(), p, id.size());
    return std::pair{id, count};
}

}  // namespace

std::optional<IndexFile> IndexFile::read(const fs::path& file) {
    IndexFile index;
    const IndexFileFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT) return index;
        throw io_error("cannot open", file);
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throw io_error("cannot read", file);
    index.exists = true;
    index.written_seconds = static_cast<std::uint32_t>(st.st_mtim.tv_sec);
    index.bytes.resize(static_cast<std::size_t>(st.st_size));
    for (std::size_t done = 0; done < index.bytes.size();) {
        const auto n = ::read(fd.get(), index.bytes.data() + done, index.bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw io_error("cannot read", file);
        if (n == 0) throw malformed(file, "it ended before its size");
        done += static_cast<std::size_t>(n);
    }

    const auto* data = reinterpret_cast<const unsigned char*>(index.bytes.data());
    const std::size_t size = index.bytes.size();
    if (size < kHeaderSize + kChecksumSize || std::memcmp(data, "DIRC", 4) != 0)
        throw malformed(file, "no index header");
    const std::uint32_t version = be32(data + 4);
    if (version < 2 || version > 4) return std::nullopt;
    const std::uint32_t count = be32(data + 8);
    const std::size_t end = size - kChecksumSize;

    index.entries.reserve(count);
    std::size_t pos = kHeaderSize;
    std::string previous;  // version 4: each path is told as a change of the one before
    for (std::uint32_t i = 0; i < count; ++i) {
        if (end - pos < kFixedEntrySize) throw malformed(file, "an entry is cut short");
        const unsigned char* p = data + pos;
        IndexEntry e;
        e.ctime_seconds = be32(p);
        e.ctime_nanoseconds = be32(p + 4);
        e.mtime_seconds = be32(p + 8);
        e.mtime_nanoseconds = be32(p + 12);
        e.ino = be32(p + 20);
        e.mode = be32(p + 24);
        e.uid = be32(p + 28);
        e.gid = be32(p + 32);
        e.size = be32(p + 36);
        std::memcpy(e.id.data(), p + 40, e.id.size());
        const std::uint16_t flags = be16(p + 60);
        e.assume_valid = flags & kAssumeValid;
        e.stage = (flags & kStageMask) >> 12;
        std::size_t at = pos + kFixedEntrySize;
        if (flags & kExtended) {
            if (version < 3) throw malformed(file, "extended flags in a version 2 index");
            if (end - at < 2) throw malformed(file, "an entry is cut short");
            const std::uint16_t extended = be16(data + at);
            e.skip_worktree = extended & kSkipWorktree;
            e.intent_to_add = extended & kIntentToAdd;
            at += 2;
        }
        // A folder entry belongs to a sparse index, which libgit2 reads for us.
        if ((e.mode & S_IFMT) == S_IFDIR) return std::nullopt;
        if (version < 4) {
            const void* nul = std::memchr(data + at, '\0', end - at);
            if (!nul) throw malformed(file, "a path has no end");
            const auto length =
                static_cast<std::size_t>(static_cast<const unsigned char*>(nul) - (data + at));
            e.path = std::string_view(index.bytes.data() + at, length);
            // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
            pos += (at + length - pos + 8) & ~std::size_t{7};
            if (pos > end) throw malformed(file, "an entry is cut short");
        } else {
            // How many bytes to drop from the end of the previous path: git's varint.
            if (at >= end) throw malformed(file, "an entry is cut short");
            unsigned char c = data[at++];
            std::uint64_t drop = c & 0x7f;
            while (c & 0x80) {
                if (at >= end || drop > (std::uint64_t{1} << 50))
                    throw malformed(file, "a path is cut short");
                c = data[at++];
                drop = ((drop + 1) << 7) + (c & 0x7f);
            }
            if (drop > previous.size()) throw malformed(file, "a path is cut short");
            const void* nul = std::memchr(data + at, '\0', end - at);
            if (!nul) throw malformed(file, "a path has no end");
            const auto length =
                static_cast<std::size_t>(static_cast<const unsigned char*>(nul) - (data + at));
            previous.resize(previous.size() - drop);
            previous.append(index.bytes.data() + at, length);
            e.path = index.built_paths.emplace_back(previous);
            pos = at + length + 1;
        }
        index.entries.push_back(e);
    }

    // The cache-tree's top folder: its tree and how many entries it covers (-1: none valid).
    // Two plain values rather than an optional pair, which GCC 12 at -O3 takes for unset.
    ObjectId top_tree{};
    long top_entries = -1;
    // The extensions. A split index keeps most entries in another file: libgit2 reads those.
    while (end - pos >= 8) {
        if (std::memcmp(data + pos, "link", 4) == 0) return std::nullopt;
        const std::uint32_t length = be32(data + pos + 4);
        if (end - pos - 8 < length) throw malformed(file, "an extension is cut short");
        if (std::memcmp(data + pos, "TREE", 4) == 0) {
            const auto top = top_of_cache_tree(data + pos + 8, length);
            top_tree = top ? top->first : ObjectId{};
            top_entries = top ? top->second : -1;
        }
        pos += 8 + length;
    }
    const bool plain = std::all_of(index.entries.begin(), index.entries.end(),
                                   [](const auto& e) { return e.stage == 0 && !e.intent_to_add; });
    if (plain && top_entries == static_cast<long>(index.entries.size())) index.tree = top_tree;
    return index;
}

IndexFile IndexFile::load(const fs::path& file) {
    if (auto index = read(file)) return std::move(*index);

    IndexFile index;
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0) {
        index.exists = true;
        index.written_seconds = static_cast<std::uint32_t>(st.st_mtim.tv_sec);
    }
    git_index* raw = nullptr;
    if (git_index_open(&raw, file.c_str()) != 0)
        throw libgit2_error("reading the git index " + file.string());
    const git::IndexPtr git_index(raw);
    const std::size_t n = git_index_entrycount(git_index.get());
    index.entries.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const git_index_entry* g = git_index_get_byindex(git_index.get(), i);
        IndexEntry e;
        e.path = index.built_paths.emplace_back(g->path);
        e.ctime_seconds = static_cast<std::uint32_t>(g->ctime.seconds);
        e.ctime_nanoseconds = g->ctime.nanoseconds;
        e.mtime_seconds = static_cast<std::uint32_t>(g->mtime.seconds);
        e.mtime_nanoseconds = g->mtime.nanoseconds;
        e.ino = g->ino;
        e.mode = g->mode;
        e.uid = g->uid;
        e.gid = g->gid;
        e.size = g->file_size;
        std::memcpy(e.id.data(), g->id.id, e.id.size());
        e.stage = static_cast<unsigned>(GIT_INDEX_ENTRY_STAGE(g));
        e.assume_valid = g->flags & GIT_INDEX_ENTRY_VALID;
        e.skip_worktree = g->flags_extended & GIT_INDEX_ENTRY_SKIP_WORKTREE;
        e.intent_to_add = g->flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD;
        index.entries.push_back(e);
    }
    return index;
}

}  // namespace lectern::search::incremental
