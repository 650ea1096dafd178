#pragma once
// Git LFS on the client: pointer files, the batch API, a sha256-verified cache per space,
// resumable downloads. Lesson videos are LFS objects; the lesson view asks lfs_object_path().

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sync/git_transfer.hpp"
#include "sync/progress.hpp"

namespace lectern::sync {

/// What a pointer file names: the object's sha256 (64 lowercase hex digits) and size.
struct LfsPointer {
    std::string oid;
    std::uint64_t size = 0;

    friend bool operator==(const LfsPointer&, const LfsPointer&) = default;
};

/// The pointer in a file's text (Git LFS pointer format v1), or nullopt when the text is not
/// one (an ordinary file, or a pointer with a bad oid or size).
std::optional<LfsPointer> parse_lfs_pointer(std::string_view text);

struct LfsFetchOptions {
    std::string server;
    std::string space;
    Credentials credentials;
    Progress progress;
};

struct LfsFetchReport {
    /// Set when the batch API could not be used at all (offline, 401…): nothing was fetched.
    std::optional<TransferFailure> failure;
    std::size_t downloaded = 0;  ///< objects now in the cache that were not before
    std::size_t already_cached = 0;
    std::uint64_t bytes = 0;  ///< received over the network (a resumed download counts
                              ///< only the rest)
    /// Objects that could not be fetched, each with why; a corrupted object is UnsafeContent.
    std::vector<TransferFailure> problems;

    bool ok() const noexcept { return !failure && problems.empty(); }
};

/// Brings the objects into the space's cache: those already there are skipped; the others are
/// asked for through the batch API and downloaded (continuing a partial download with HTTP
/// Range), and each is stored only after its sha256 and size match the pointer. Throws
/// Error(Io) when the cache cannot be written.
LfsFetchReport fetch_lfs_objects(const LfsFetchOptions& options,
                                 const std::vector<LfsPointer>& objects);

/// Where the object is (or will be) in the space's cache.
std::filesystem::path lfs_cache_file(std::string_view space, const LfsPointer& pointer);

/// The cached object's file, or nullopt when it is not cached.
std::optional<std::filesystem::path> cached_lfs_object(std::string_view space,
                                                       const LfsPointer& pointer);

/// An LFS object for a viewer: its file, or why it cannot be had.
struct LfsObject {
    std::optional<std::filesystem::path> path;
    std::optional<TransferFailure> failure;
};

/// The object's file in the cache, downloaded first (with the saved login of `lectern login`)
/// when it is not there yet. Offline or not logged in, `failure` says so.
LfsObject lfs_object_path(std::string_view space, const LfsPointer& pointer,
                          const Progress& progress = {});

/// Every LFS pointer file in a content tree (files of media types only: documents are never
/// pointers).
std::vector<LfsPointer> lfs_pointers_in(const std::filesystem::path& content);

/// The pointers of the videos of the lessons that the space's onboarding paths (paths/*.yaml)
/// list, in path order, without repeats.
std::vector<LfsPointer> onboarding_lfs_pointers(const std::filesystem::path& content);

}  // namespace lectern::sync
