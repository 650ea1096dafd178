#pragma once
// The sync client's settings file: which server, as whom, with which token, from which device.

#include <filesystem>
#include <optional>
#include <string>

namespace lectern::sync {

/// What `lectern login` stores and every sync reads.
struct ClientConfig {
    std::string server;  ///< "http://127.0.0.1:8080", no trailing slash
    std::string user;
    std::string token;   ///< a personal access token (never the password)
    std::string device;  ///< names this machine in ledger branches; default: the host name
};

/// $XDG_CONFIG_HOME/lectern/client.toml, else ~/.config/lectern/client.toml. Throws
/// Error(InvalidArgument) when neither XDG_CONFIG_HOME nor HOME is set.
std::filesystem::path client_config_path();

/// The settings in `file`, or nullopt when it does not exist (nobody logged in yet). Throws
/// Error(InvalidContent) naming file:line when it is not valid TOML or a value has the wrong
/// type, Error(Io) when it cannot be read.
std::optional<ClientConfig> load_client_config(
    const std::filesystem::path& file = client_config_path());

/// Writes the settings to `file` with mode 0600 (the token is a secret), atomically: a reader
/// sees the old file or the new one, never a part. Creates the folder (0700) if needed. Throws
/// Error(Io).
void save_client_config(const ClientConfig& config,
                        const std::filesystem::path& file = client_config_path());

/// This machine's host name, or "device" when it has none.
std::string default_device_name();

/// `url` without trailing slashes; throws Error(InvalidArgument) unless it is http(s)://host….
std::string normalise_server_url(const std::string& url);

}  // namespace lectern::sync
