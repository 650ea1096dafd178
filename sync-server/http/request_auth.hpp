#pragma once
// Who is asking (HTTP Basic: user and personal access token, as git, libgit2 and git-lfs send
// it) and whether the policy lets them.

#include <optional>
#include <string>
#include <string_view>

#include "auth/policy.hpp"
#include "store/store.hpp"

namespace httplib {
struct Request;
}

namespace lectern::server {

struct ServerContext;

struct BasicCredentials {
    std::string user;
    std::string secret;
};

/// The user and secret of an "Authorization: Basic …" header, if there is a well-formed one.
std::optional<BasicCredentials> basic_credentials(const httplib::Request& req);

/// The user whose live token the request carries. Throws RequestRefused: Unauthenticated
/// without one, TooManyRequests while the account or address is throttled.
User authenticate(ServerContext& ctx, const httplib::Request& req);

/// The caller's role in `space` if it allows `action`. Throws RequestRefused: NotFound when
/// the space does not exist or the caller is no member (other clients' spaces stay invisible),
/// Forbidden when the role does not allow the action.
Role authorize(ServerContext& ctx, const User& user, std::string_view space, Action action);

/// The user name authenticate() accepted on this thread for the current request ("-" if none);
/// for the access log.
const std::string& current_request_user();
void reset_current_request_user();

}  // namespace lectern::server
