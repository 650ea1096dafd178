#include "signer_identity.hpp"

#include "common/error.hpp"

namespace lectern::cli {

sync::ClientConfig require_client_config() {
    auto config = sync::load_client_config();
    if (!config || config->user.empty())
        throw Error(ErrorKind::InvalidArgument,
                    "no server account on this machine: log in first with `lectern login`");
    if (config->device.empty()) config->device = sync::default_device_name();
    return *config;
}

std::optional<ledger::StoredKey> enrolled_key(const sync::ClientConfig& config) {
    return ledger::load_key(ledger::key_file(ledger::keys_dir(), config.user, config.device));
}

}  // namespace lectern::cli
