#include "http/ledger_routes.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "http/json_body.hpp"
#include "http/refusal.hpp"
#include "http/request_auth.hpp"
#include "http/server_context.hpp"
#include "ledger/key_statement.hpp"

namespace lectern::server {

namespace {

using nlohmann::json;

constexpr std::int64_t kDefaultReceiptPage = 1000;
constexpr std::int64_t kMaxReceiptPage = 10000;

json statements(ServerContext& ctx, const std::vector<DeviceKey>& keys) {
    json out = json::array();
    for (const auto& k : keys) out.push_back(ledger::to_json(key_statement(k, ctx.server_key)));
    return out;
}

bool may_register_keys(ServerContext& ctx, const User& user) {
    for (const auto& m : ctx.store.memberships(user.id)) {
        if (allows(m.role, Action::RegisterOwnKey)) return true;
    }
    return false;
}

void register_key(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const User user = authenticate(ctx, req);
    if (!may_register_keys(ctx, user)) {
        throw RequestRefused(Refusal::Forbidden, "only members of a space may register keys");
    }
    const auto body = parse_body(req);
    const std::string device = string_field(body, "device");
    const std::string public_key = string_field(body, "public_key");
    if (!is_valid_device_name(device)) {
        throw RequestRefused(
            Refusal::BadRequest,
            "'" + device + "' is not a valid device name (letters, digits, '-', '_', single dots)");
    }
    if (!ledger::PublicKey::from_base64(public_key)) {
        throw RequestRefused(Refusal::BadRequest,
                             "public_key must be the base64 of a 32-byte Ed25519 public key");
    }
    const KeyRegistration outcome = ctx.store.register_key(user.id, device, public_key);
    switch (outcome) {
        case KeyRegistration::DeviceHasOtherKey:
            throw RequestRefused(Refusal::Conflict,
                                 "device " + device + " of " + user.name +
                                     " has another live key: ask an admin to revoke it first");
        case KeyRegistration::KeyUsedBefore:
            throw RequestRefused(Refusal::Conflict,
                                 "this public key was registered before; make a new key pair");
        case KeyRegistration::Created:
        case KeyRegistration::AlreadyRegistered:
            break;
    }
    const auto key = ctx.store.live_key(user.name, device);
    if (!key) throw RequestRefused(Refusal::Conflict, "the key was revoked meanwhile");
    // 201 only when this request made the key: a client retrying after a lost reply gets 200.
    send_json(res, ledger::to_json(key_statement(*key, ctx.server_key)),
              outcome == KeyRegistration::Created ? 201 : 200);
}

void list_keys(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const User user = authenticate(ctx, req);
    const std::string target = req.has_param("user") ? req.get_param_value("user") : user.name;
    if (target != user.name &&
        !ctx.store.shares_space_allowing(user.id, target, Action::ListMembersKeys)) {
        // Someone in none of the caller's spaces does not exist for them.
        if (!ctx.store.shares_space_allowing(user.id, target, Action::ReadContent))
            throw RequestRefused(Refusal::NotFound, "no such user: " + target);
        throw RequestRefused(Refusal::Forbidden,
                             "only supervisors, auditors and admins list other members' keys");
    }
    send_json(res, {{"user", target}, {"keys", statements(ctx, ctx.store.keys(target))}});
}

std::int64_t integer_param(const httplib::Request& req, const char* name, std::int64_t fallback) {
    if (!req.has_param(name)) return fallback;
    const std::string text = req.get_param_value(name);
    try {
        std::size_t used = 0;
        const long long v = std::stoll(text, &used);
        if (used == text.size() && v >= 0) return v;
    } catch (const std::exception&) {
    }
    throw RequestRefused(Refusal::BadRequest,
                         std::string(name) + " must be a whole number >= 0, not '" + text + "'");
}

void list_receipts(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const std::string space = req.matches[1];
    const User user = authenticate(ctx, req);
    const Role role = authorize(ctx, user, space, Action::ReadOwnReceipts);
    std::optional<std::string> agent;
    if (req.has_param("agent")) agent = req.get_param_value("agent");
    if ((!agent || *agent != user.name) && !allows(role, Action::ReadAllReceipts)) {
        throw RequestRefused(Refusal::Forbidden, "a " + std::string(to_string(role)) +
                                                     " may read only their own receipts "
                                                     "(?agent=" +
                                                     user.name + ")");
    }
    const std::int64_t after = integer_param(req, "after", 0);
    const std::int64_t limit =
        std::min(std::max<std::int64_t>(integer_param(req, "limit", kDefaultReceiptPage), 1),
                 kMaxReceiptPage);
    // One more than asked: tells whether there is more without a second query.
    auto entries = ctx.receipts.entries(space, agent, after, limit + 1);
    const bool more = static_cast<std::int64_t>(entries.size()) > limit;
    if (more) entries.pop_back();
    json receipts = json::array();
    json links = json::array();
    for (const auto& e : entries) {
        if (e.receipt) {
            receipts.push_back(ledger::to_json(*e.receipt));
        } else {
            links.push_back({{"seq", e.seq}, {"body_hash", e.body_hash}});
        }
    }
    send_json(res, {{"space", space}, {"receipts", receipts}, {"links", links}, {"more", more}});
}

void log_head(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const std::string space = req.matches[1];
    const User user = authenticate(ctx, req);
    authorize(ctx, user, space, Action::ReadOwnReceipts);
    send_json(res, ledger::to_json(ctx.receipts.head(space, ctx.server_key)));
}

}  // namespace

void add_ledger_routes(httplib::Server& http, ServerContext& ctx) {
    http.Post("/api/v1/keys", [&ctx](const httplib::Request& req, httplib::Response& res) {
        register_key(ctx, req, res);
    });
    http.Get("/api/v1/keys", [&ctx](const httplib::Request& req, httplib::Response& res) {
        list_keys(ctx, req, res);
    });
    const std::string space = R"(/api/v1/spaces/([a-z0-9][a-z0-9._-]{0,63}))";
    http.Get(space + "/receipts", [&ctx](const httplib::Request& req, httplib::Response& res) {
        list_receipts(ctx, req, res);
    });
    http.Get(space + "/log-head", [&ctx](const httplib::Request& req, httplib::Response& res) {
        log_head(ctx, req, res);
    });
    http.Get("/api/v1/server-key", [&ctx](const httplib::Request&, httplib::Response& res) {
        send_json(res,
                  {{"algorithm", "ed25519"}, {"public_key", ctx.server_key.public_key().base64()}});
    });
}

}  // namespace lectern::server
