#include "http/api_routes.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "config.hpp"
#include "http/json_body.hpp"
#include "http/refusal.hpp"
#include "http/request_auth.hpp"
#include "http/server_context.hpp"
#include "http/server_url.hpp"

namespace lectern::server {

namespace {

void create_token(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto body = parse_body(req);
    const std::string user = string_field(body, "user");
    const std::string password = string_field(body, "password");
    const std::string name = body.value("name", std::string("lectern login"));
    if (!ctx.throttle.allows(user, req.remote_addr)) {
        throw RequestRefused(Refusal::TooManyRequests, "too many failed logins; try again later");
    }
    const auto found = ctx.store.check_password(user, password);
    if (!found) {
        ctx.throttle.record_failure(user, req.remote_addr);
        throw RequestRefused(Refusal::Unauthenticated, "wrong user name or password");
    }
    const auto token = ctx.store.create_token(found->name, name,
                                              unix_now() + ctx.config.token_lifetime_days * 86400);
    send_json(res,
              {{"user", found->name}, {"token", token.secret}, {"expires_at", token.expires_at}},
              201);
}

void whoami(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const User user = authenticate(ctx, req);
    nlohmann::json spaces = nlohmann::json::array();
    for (const auto& m : ctx.store.memberships(user.id)) {
        spaces.push_back({{"space", m.space}, {"role", to_string(m.role)}});
    }
    send_json(res, {{"user", user.name}, {"spaces", spaces}});
}

void my_spaces(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const User user = authenticate(ctx, req);
    const std::string base = server_url(ctx.config, req);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : ctx.store.memberships(user.id)) {
        out.push_back({{"space", m.space},
                       {"role", to_string(m.role)},
                       {"content_url", base + "/" + m.space + "/content.git"},
                       {"ledger_url", base + "/" + m.space + "/ledger.git"}});
    }
    send_json(res, out);
}

void metrics(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    if (!is_loopback(req.remote_addr)) {
        const User user = authenticate(ctx, req);
        bool admin = false;
        for (const auto& m : ctx.store.memberships(user.id)) admin = admin || m.role == Role::Admin;
        if (!admin) throw RequestRefused(Refusal::Forbidden, "metrics are for admins");
    }
    res.set_content(ctx.metrics.render(), "text/plain; version=0.0.4");
}

}  // namespace

void add_api_routes(httplib::Server& http, ServerContext& ctx) {
    http.Get("/api/v1/health", [](const httplib::Request&, httplib::Response& res) {
        send_json(res, {{"status", "ok"}});
    });
    http.Post("/api/v1/tokens", [&ctx](const httplib::Request& req, httplib::Response& res) {
        create_token(ctx, req, res);
    });
    http.Get("/api/v1/whoami", [&ctx](const httplib::Request& req, httplib::Response& res) {
        whoami(ctx, req, res);
    });
    http.Get("/api/v1/spaces", [&ctx](const httplib::Request& req, httplib::Response& res) {
        my_spaces(ctx, req, res);
    });
    http.Get("/metrics", [&ctx](const httplib::Request& req, httplib::Response& res) {
        metrics(ctx, req, res);
    });
}

}  // namespace lectern::server
