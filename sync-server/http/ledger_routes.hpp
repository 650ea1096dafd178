#pragma once
// The REST API of the ledger: device keys, receipts, the log head and the server's key.
//
//   POST /api/v1/keys                         {"device","public_key"} -> key statement (201;
//                                             200 if already registered; 409 if the device has
//                                             another live key or the key was used before)
//   GET  /api/v1/keys?user=U                  {"user","keys":[key statement…]} (the user, or a
//                                             supervisor/auditor/admin of a space U is in)
//   GET  /api/v1/spaces/S/receipts?agent=U&after=SEQ&limit=N
//                                             {"space","receipts":[…],"links":[{"seq","body_hash"}],
//                                              "more":bool}
//   GET  /api/v1/spaces/S/log-head            {"space","size","hash","server_time","signature"}
//   GET  /api/v1/server-key                   {"algorithm":"ed25519","public_key"} (no credentials)

namespace httplib {
class Server;
}

namespace lectern::server {

struct ServerContext;

void add_ledger_routes(httplib::Server& http, ServerContext& ctx);

}  // namespace lectern::server
