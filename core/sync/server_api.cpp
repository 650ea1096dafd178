#include "sync/server_api.hpp"

#include <nlohmann/json.hpp>

#include "sync/http_client.hpp"

namespace lectern::sync {

namespace {

TransferFailure not_json(const std::string& what) {
    return {TransferFailureReason::Other, "the server's answer to " + what +
                                              " is not what a Lectern server sends; check the "
                                              "server address"};
}

}  // namespace

NewToken create_token(const std::string& server, const std::string& user,
                      const std::string& password, const std::string& token_name) {
    const std::string url = server + "/api/v1/tokens";
    http::Request request;
    request.method = "POST";
    request.url = url;
    request.headers = {"Content-Type: application/json", "Accept: application/json"};
    request.body =
        nlohmann::json{{"user", user}, {"password", password}, {"name", token_name}}.dump();
    const http::Response r = http::send(request);
    NewToken out;
    if (r.status == 401) {
        out.failure = {TransferFailureReason::Unauthorized,
                       "wrong user name or password for " + server + " (401); nothing was saved"};
        return out;
    }
    if (r.status != 201 && r.status != 200) {
        out.failure = http::failure_of(r, "logging in at " + url, user);
        return out;
    }
    const auto j = nlohmann::json::parse(r.body, nullptr, false);
    if (!j.is_object() || !j.contains("token") || !j["token"].is_string()) {
        out.failure = not_json("logging in at " + url);
        return out;
    }
    out.token = j["token"].get<std::string>();
    out.user = j.value("user", user);
    out.expires_at = j.value("expires_at", std::int64_t{0});
    return out;
}

SpaceList list_spaces(const std::string& server, const Credentials& credentials) {
    const std::string url = server + "/api/v1/spaces";
    http::Request request;
    request.url = url;
    request.headers = {"Accept: application/json"};
    request.basic = credentials;
    const http::Response r = http::send(request);
    SpaceList out;
    if (r.status != 200) {
        out.failure = http::failure_of(r, "listing the spaces at " + url, credentials.user);
        return out;
    }
    const auto j = nlohmann::json::parse(r.body, nullptr, false);
    if (!j.is_array()) {
        out.failure = not_json("listing the spaces at " + url);
        return out;
    }
    for (const auto& s : j) {
        if (s.is_object() && s.contains("space") && s["space"].is_string())
            out.spaces.push_back({s["space"].get<std::string>(), s.value("role", "")});
    }
    return out;
}

}  // namespace lectern::sync
