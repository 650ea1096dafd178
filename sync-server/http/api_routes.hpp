#pragma once
// The JSON REST API under /api/v1 and the Prometheus metrics at /metrics.
//
//   GET  /api/v1/health     {"status":"ok"}                           no credentials
//   POST /api/v1/tokens     {"user","password","name"?} -> {"token","expires_at"}   (201)
//   GET  /api/v1/whoami     {"user","spaces":[{"space","role"}]}
//   GET  /api/v1/spaces     [{"space","role","content_url","ledger_url"}]
//   GET  /metrics           from loopback, or with an admin's token

namespace httplib {
class Server;
}

namespace lectern::server {

struct ServerContext;

void add_api_routes(httplib::Server& http, ServerContext& ctx);

}  // namespace lectern::server
