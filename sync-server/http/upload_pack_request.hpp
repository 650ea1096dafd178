#pragma once
// The trimmed form of a protocol v0 upload-pack request (the body of a stateless-rpc POST to
// git-upload-pack) that the Lectern client asks for: libgit2 1.5, which it fetches with, can
// neither decline upload-pack's progress text nor stop sending haves the server already knows
// through an earlier one, and each such have is acknowledged twice (once per round of its
// stateless negotiation). See docs/sync.md, "Quiet fetches".
//
// The rewrite never changes the pack: a have is dropped only when it is a commit that
// upload-pack itself would not add to the commits it tells pack-objects the client has (it is
// an earlier common have or a parent of one: upload-pack marks those THEY_HAVE and skips them),
// so what pack-objects is given is the same.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::server {

/// The parents (hex ids) of the commit `id` (40 lowercase hex digits) in the repository, or
/// nothing when the repository has no commit with that id (no object, or not a commit).
using CommitParentsLookup =
    std::function<std::optional<std::vector<std::string>>(std::string_view id)>;

struct TrimmedUploadPackRequest {
    std::string body;
    std::size_t dropped_haves = 0;
    bool added_no_progress = false;
};

/// `body` with `no-progress` added to the capabilities of its first want line (unless there)
/// and without the haves that add nothing (see above), each pkt-line's length rewritten.
/// Nothing when `body` is not exactly a SHA-1 protocol v0 request of wants, a flush, haves and
/// a flush or `done` (anything else, malformed or not, is to be passed on as it is). `parents`
/// is asked about each have, in order.
std::optional<TrimmedUploadPackRequest> trim_upload_pack_request(
    std::string_view body, const CommitParentsLookup& parents);

}  // namespace lectern::server
