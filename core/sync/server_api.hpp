#pragma once
// The sync server's REST API as the client uses it: log in (create a token) and list the
// user's spaces. Failures a person can fix are results, not exceptions.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sync/git_transfer.hpp"

namespace lectern::sync {

struct NewToken {
    std::optional<TransferFailure> failure;
    std::string user;             ///< as the server spells it
    std::string token;            ///< the secret; shown once by the server
    std::int64_t expires_at = 0;  ///< Unix seconds
};

/// POST /api/v1/tokens with the user's password: a new personal access token named
/// `token_name`. A wrong password is Unauthorized; too many attempts is Other with the
/// server's words.
NewToken create_token(const std::string& server, const std::string& user,
                      const std::string& password, const std::string& token_name);

struct RemoteSpace {
    std::string space;
    std::string role;
};

struct SpaceList {
    std::optional<TransferFailure> failure;
    std::vector<RemoteSpace> spaces;
};

/// GET /api/v1/spaces: the spaces the user is a member of, with their role.
SpaceList list_spaces(const std::string& server, const Credentials& credentials);

}  // namespace lectern::sync
