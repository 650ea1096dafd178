#pragma once
// Git smart HTTP for each space's content.git and ledger.git, served by git's own
// `git http-backend`. The dumb protocol is not served.

namespace httplib {
class Server;
}

namespace lectern::server {

struct ServerContext;

void add_git_routes(httplib::Server& http, ServerContext& ctx);

}  // namespace lectern::server
