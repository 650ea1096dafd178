#pragma once
// Stateless-rpc upload-pack POSTs (each round of a fetch or clone) answered through the
// upload-pack cache: a stored answer when the same request was answered against the same refs,
// otherwise git http-backend, its answer stored while it is sent.

#include <filesystem>
#include <string>

#include "process/child_process.hpp"
#include "state_dir.hpp"

namespace httplib {
struct Response;
class ContentReader;
}  // namespace httplib

namespace lectern::server {

struct ServerContext;

struct UploadPackTarget {
    std::string space;
    RepoKind kind = RepoKind::Content;
    std::filesystem::path repo;
};

/// Answers the POST with `backend` (git http-backend set up for this request). Call only once
/// the request is authenticated and authorized: the cache is shared by every user of the space.
void serve_upload_pack_cached(ServerContext& ctx, const UploadPackTarget& target,
                              const SpawnOptions& backend, const httplib::ContentReader& body,
                              httplib::Response& res);

}  // namespace lectern::server
