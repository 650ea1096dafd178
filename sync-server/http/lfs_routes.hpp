#pragma once
// The Git LFS batch API (basic transfer) for each space's content.git, and its object
// transfers: GET (with Range) and PUT (hashed and checked) of
// /<space>/content.git/info/lfs/objects/<sha256>. Permissions as for the repository.

namespace httplib {
class Server;
}

namespace lectern::server {

struct ServerContext;

void add_lfs_routes(httplib::Server& http, ServerContext& ctx);

}  // namespace lectern::server
