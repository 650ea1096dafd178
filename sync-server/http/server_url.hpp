#pragma once
// The server's own base URL as the client reached it, for links in responses (LFS hrefs,
// clone URLs).

#include <string>

namespace httplib {
struct Request;
}

namespace lectern::server {

struct ServerConfig;

/// "http[s]://HOST[:PORT]" from the request's Host header and whether TLS is on.
std::string server_url(const ServerConfig& config, const httplib::Request& req);

}  // namespace lectern::server
