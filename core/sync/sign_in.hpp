#pragma once
// Signing in to a sync server, as `lectern login` and the app's first start do it: the password
// buys a personal access token, the token (never the password) is saved in the client's
// settings, and the server says which spaces the user may sync.

#include <optional>
#include <string>
#include <vector>

#include "sync/client_config.hpp"
#include "sync/git_transfer.hpp"
#include "sync/server_api.hpp"

namespace lectern::sync {

struct SignInRequest {
    std::string server;  ///< as typed: "http://127.0.0.1:8080/" is fine
    std::string user;
    std::string password;
    std::string client;  ///< names the token on the server: "<client> on <device>"
};

struct SignedIn {
    /// Set when no token was made (unreachable server, wrong password, throttled); the saved
    /// settings are then as they were.
    std::optional<TransferFailure> failure;
    ClientConfig config;                            ///< what was saved
    std::vector<RemoteSpace> spaces;                ///< the user's spaces with their role
    std::optional<TransferFailure> spaces_failure;  ///< signed in, but the list failed
};

/// Creates a token with the user's password and saves it with the server and the device (kept
/// from earlier settings, else this machine's name) in `config_file`. Throws
/// Error(InvalidArgument) for a server address that is not http(s)://…, Error(Io) when the
/// settings cannot be written.
SignedIn sign_in(const SignInRequest& request,
                 const std::filesystem::path& config_file = client_config_path());

}  // namespace lectern::sync
