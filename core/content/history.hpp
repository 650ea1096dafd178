#pragma once
// The versions of one document in a git working tree: which commits changed its bytes, when,
// by whom and why. A version is the blob id of the file (content/version.hpp), so a sign-off's
// blob id can be found in this list and its text read back with read_blob().

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lectern::content {

/// One version of a document: the commit that gave the file these bytes.
struct DocumentVersion {
    std::string commit;     ///< 40 hex digits
    std::string blob_id;    ///< the file's blob id at that commit (the document's version)
    std::string path;       ///< the file's path at that commit (it may have been renamed since)
    std::int64_t time = 0;  ///< commit time, seconds since 1970-01-01 UTC
    int utc_offset_minutes = 0;  ///< the committer's time zone, as recorded in the commit
    std::string author;          ///< author name
    std::string author_email;
    std::string summary;  ///< first line of the commit message
    std::string message;  ///< the whole commit message
    /// True when the message has the trailer `Lectern-Change: minor`: a typo fix that does
    /// not ask agents to sign again.
    bool minor = false;
};

/// What history() looks at.
struct HistoryOptions {
    /// Commit to start from (40 hex digits or a reference name such as "HEAD" or
    /// "refs/remotes/origin/main").
    std::string start = "HEAD";
    /// At most this many versions, newest first; 0 means all.
    std::size_t limit = 0;
    /// Follow the file across renames (a rename keeps the document's id, so it is the same
    /// document).
    bool follow_renames = true;
};

/// A git working tree of content, opened once and asked about many documents.
/// Not shared across threads: each thread opens its own.
class ContentRepository {
  public:
    /// Opens the repository whose working tree is exactly `space_root`, or nullopt when the
    /// folder is not the top of a git working tree. Throws Error(Library) when the repository
    /// exists but cannot be read.
    static std::optional<ContentRepository> open(const std::filesystem::path& space_root);

    ContentRepository(ContentRepository&&) noexcept;
    ContentRepository& operator=(ContentRepository&&) noexcept;
    ~ContentRepository();

    /// The versions of the file at `path` (relative to the space root, '/' separated), newest
    /// first, following the first-parent line from options.start (merges of content are rare
    /// and their first parent is the line trainers published). A commit counts only when it
    /// changed the file's bytes. Empty when the file is not in the start commit, or the branch
    /// has no commits yet. Throws Error(NotFound) when options.start names nothing.
    std::vector<DocumentVersion> history(const std::string& path,
                                         const HistoryOptions& options = {}) const;

    /// The bytes of a blob (a document version), or nullopt when the repository does not have it.
    std::optional<std::string> read_blob(const std::string& blob_id) const;

    /// The bytes of `path` at `commit`, or nullopt when that commit has no such file.
    /// Throws Error(NotFound) when the commit is not in the repository.
    std::optional<std::string> read_file_at(const std::string& commit,
                                            const std::string& path) const;

    /// The commit HEAD points at, or an empty string before the first commit.
    std::string head_commit() const;

  private:
    struct Impl;
    explicit ContentRepository(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// "2026-10-01T09:30:00+02:00": a version's time in the committer's own zone (RFC 3339).
std::string rfc3339(std::int64_t time, int utc_offset_minutes);

/// True when a commit message has the trailer `Lectern-Change: minor` (case of the key ignored,
/// as git does for trailers).
bool is_minor_change(const std::string& commit_message);

}  // namespace lectern::content
