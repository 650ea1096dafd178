#include "sync/sign_in.hpp"

namespace lectern::sync {

SignedIn sign_in(const SignInRequest& request, const std::filesystem::path& config_file) {
    SignedIn out;
    const std::string server = normalise_server_url(request.server);
    const auto old = load_client_config(config_file);
    const std::string device = old && !old->device.empty() ? old->device : default_device_name();
    const auto token =
        create_token(server, request.user, request.password, request.client + " on " + device);
    if (token.failure) {
        out.failure = token.failure;
        return out;
    }
    out.config = {server, token.user, token.token, device};
    save_client_config(out.config, config_file);
    auto spaces = list_spaces(server, {token.user, token.token});
    out.spaces = std::move(spaces.spaces);
    out.spaces_failure = std::move(spaces.failure);
    return out;
}

}  // namespace lectern::sync
