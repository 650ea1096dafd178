#pragma once
// upload-pack's answers over smart HTTP through the upload-pack cache: the ref advertisement
// (GET info/refs?service=git-upload-pack, which is upload-pack --stateless-rpc
// --advertise-refs) and each stateless-rpc POST of a fetch or clone. A stored answer when the
// same request was answered against the same refs, otherwise git http-backend, its answer
// stored while it is sent.

#include <filesystem>
#include <string>

#include "http/cgi_exchange.hpp"
#include "process/child_process.hpp"
#include "state_dir.hpp"

namespace httplib {
struct Response;
}  // namespace httplib

namespace lectern::server {

struct ServerContext;

struct UploadPackTarget {
    std::string space;
    RepoKind kind = RepoKind::Content;
    std::filesystem::path repo;
};

/// Answers the request with `backend` (git http-backend set up for it); `body` is null for the
/// GET. Call only once the request is authenticated and authorized: the cache is shared by
/// every user of the space.
void serve_upload_pack_cached(ServerContext& ctx, const UploadPackTarget& target,
                              const SpawnOptions& backend, const RequestBody* body,
                              httplib::Response& res);

}  // namespace lectern::server
