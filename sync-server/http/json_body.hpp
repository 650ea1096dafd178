#pragma once
// Reading JSON request bodies and writing JSON responses, the same way in every REST route.

#include <string>

#include <nlohmann/json.hpp>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace lectern::server {

void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200);

/// The body as a JSON object. Throws RequestRefused(BadRequest) for anything else.
nlohmann::json parse_body(const httplib::Request& req);

/// A string field of `body`. Throws RequestRefused(BadRequest) naming it when missing.
std::string string_field(const nlohmann::json& body, const char* name);

}  // namespace lectern::server
