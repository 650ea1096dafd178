#pragma once
// The HTTP(S) server: git smart HTTP, Git LFS, the REST API and metrics on one port.

#include <functional>
#include <string>

namespace lectern::server {

struct ServerContext;

/// Serves until SIGINT or SIGTERM. Calls `on_ready` with the base URL ("http://127.0.0.1:PORT")
/// once listening. Throws Error(InvalidArgument) for a configuration it refuses (plain HTTP off
/// loopback without allow_plain_http) and Error(Io) if it cannot listen.
void serve(ServerContext& ctx, const std::function<void(const std::string& base_url)>& on_ready);

}  // namespace lectern::server
