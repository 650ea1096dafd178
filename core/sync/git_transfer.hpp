#pragma once
// Fetch and push of any git repository over smart HTTP with libgit2, as one user with a
// personal access token (HTTP Basic), with progress and a cancel token. Failures a person can
// fix (server unreachable, bad token, no membership) are results, not exceptions.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sync/progress.hpp"

namespace lectern::sync {

/// HTTP Basic credentials: user name and personal access token. Empty user: none are sent.
struct Credentials {
    std::string user;
    std::string token;
};

/// Why a transfer did not happen; every reason has a message that says what to do.
enum class TransferFailureReason {
    Unreachable,    ///< no connection to the server (offline, wrong address, server down)
    Unauthorized,   ///< 401: the token is wrong, expired or revoked (run `lectern login`)
    Forbidden,      ///< 403: the user is not a member of the space, or has not that right
    NotFound,       ///< 404: no such repository on the server
    Cancelled,      ///< the cancel token was set
    UnsafeContent,  ///< the client refused what the server sent (unsafe paths, bad LFS object)
    Other,          ///< any other protocol failure (message from libgit2)
};

struct TransferFailure {
    TransferFailureReason reason = TransferFailureReason::Other;
    std::string message;  ///< a sentence for a person, naming the URL
};

/// "unreachable", "unauthorized", "forbidden", "not-found", "cancelled", "unsafe-content",
/// "other".
const char* to_string(TransferFailureReason reason);

struct FetchOptions {
    std::string url;  ///< the remote repository, "http://host/space/content.git"
    Credentials credentials;
    /// What to fetch; default "+refs/heads/*:refs/remotes/origin/*".
    std::vector<std::string> refspecs;
    Progress progress;
};

struct FetchResult {
    std::optional<TransferFailure> failure;  ///< set when nothing was fetched
    /// The branch the remote's HEAD names ("refs/heads/main"), empty if it names none.
    std::string default_branch;
    std::size_t received_objects = 0;
    std::uint64_t received_bytes = 0;

    bool ok() const noexcept { return !failure; }
};

/// Fetches into the repository at `repository` (bare or not; it must exist). Refs are updated
/// only after the pack is complete, so an interrupted fetch leaves them as they were. Throws
/// Error(Library) for failures that are not the remote's (a damaged local repository) and
/// Error(InvalidArgument) for a URL that is not http(s).
FetchResult fetch(const std::filesystem::path& repository, const FetchOptions& options);

struct PushOptions {
    std::string url;
    Credentials credentials;
    /// What to push, e.g. "refs/heads/agents/ana/laptop:refs/heads/agents/ana/laptop".
    std::vector<std::string> refspecs;
    Progress progress;
};

/// What the server said about one pushed ref.
struct RefPushResult {
    std::string ref;  ///< the remote ref name
    bool accepted = false;
    std::string refusal;  ///< the server's reason when not accepted ("pre-receive hook declined")
};

struct PushResult {
    std::optional<TransferFailure> failure;  ///< the push did not reach the refs at all
    std::vector<RefPushResult> refs;         ///< one per ref the server reported on
    /// What the server printed while receiving (hook output: "remote: …" lines in git),
    /// which usually says why a ref was refused.
    std::string server_messages;

    /// True when the push reached the server and every ref was accepted.
    bool all_accepted() const noexcept;
};

/// Pushes from the repository at `repository`. Throws as fetch() does.
PushResult push(const std::filesystem::path& repository, const PushOptions& options);

}  // namespace lectern::sync
