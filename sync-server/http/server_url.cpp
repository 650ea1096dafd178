#include "http/server_url.hpp"

#include <httplib.h>

#include "config.hpp"

namespace lectern::server {

std::string server_url(const ServerConfig& config, const httplib::Request& req) {
    const std::string scheme = config.uses_tls() ? "https://" : "http://";
    std::string host = req.get_header_value("Host");
    if (host.empty()) host = req.local_addr + ":" + std::to_string(req.local_port);
    return scheme + host;
}

}  // namespace lectern::server
