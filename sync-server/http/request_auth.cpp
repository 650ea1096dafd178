#include "http/request_auth.hpp"

#include <httplib.h>
#include <sodium.h>

#include "http/refusal.hpp"
#include "http/server_context.hpp"

namespace lectern::server {

namespace {

thread_local std::string t_request_user = "-";

std::optional<std::string> decode_base64(std::string_view text) {
    std::string out(text.size(), '\0');
    std::size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        return std::nullopt;
    }
    out.resize(len);
    return out;
}

}  // namespace

std::optional<BasicCredentials> basic_credentials(const httplib::Request& req) {
    const std::string header = req.get_header_value("Authorization");
    constexpr std::string_view prefix = "Basic ";
    if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0)
        return std::nullopt;
    const auto decoded = decode_base64(std::string_view(header).substr(prefix.size()));
    if (!decoded) return std::nullopt;
    const auto colon = decoded->find(':');
    if (colon == std::string::npos) return std::nullopt;
    return BasicCredentials{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

User authenticate(ServerContext& ctx, const httplib::Request& req) {
    const auto creds = basic_credentials(req);
    if (!creds || creds->secret.empty()) {
        throw RequestRefused(Refusal::Unauthenticated,
                             "authentication required: user name and access token");
    }
    if (!ctx.throttle.allows(creds->user, req.remote_addr)) {
        throw RequestRefused(Refusal::TooManyRequests, "too many failed logins; try again later");
    }
    auto user = ctx.store.check_token(creds->user, creds->secret);
    if (!user) {
        ctx.throttle.record_failure(creds->user, req.remote_addr);
        throw RequestRefused(Refusal::Unauthenticated,
                             "the access token is wrong, expired or revoked");
    }
    t_request_user = user->name;
    return *user;
}

Role authorize(ServerContext& ctx, const User& user, std::string_view space, Action action) {
    const auto role = ctx.store.role_in(user.id, space);
    if (!role) throw RequestRefused(Refusal::NotFound, "no such space: " + std::string(space));
    if (!allows(*role, action)) {
        throw RequestRefused(Refusal::Forbidden, "a " + std::string(to_string(*role)) +
                                                     " may not " + std::string(to_string(action)) +
                                                     " in " + std::string(space));
    }
    return *role;
}

const std::string& current_request_user() {
    return t_request_user;
}

void reset_current_request_user() {
    // One character rather than a C string: assigning "-" makes GCC 12 at -O3 warn wrongly
    // (-Wrestrict, https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329).
    t_request_user.assign(1, '-');
}

}  // namespace lectern::server
