#include "http/json_body.hpp"

#include <httplib.h>

#include "http/refusal.hpp"

namespace lectern::server {

void send_json(httplib::Response& res, const nlohmann::json& body, int status) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

nlohmann::json parse_body(const httplib::Request& req) {
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        throw RequestRefused(Refusal::BadRequest, "the request body must be a JSON object");
    }
    return body;
}

std::string string_field(const nlohmann::json& body, const char* name) {
    const auto it = body.find(name);
    if (it == body.end() || !it->is_string()) {
        throw RequestRefused(Refusal::BadRequest,
                             std::string("missing string field '") + name + "'");
    }
    return it->get<std::string>();
}

}  // namespace lectern::server
