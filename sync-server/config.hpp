#pragma once
// The server's one configuration, read from a TOML file and overridden by flags, parsed once
// at start-up. Nothing else reads the file or the flags.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "common/log.hpp"

namespace lectern::server {

struct ServerConfig {
    /// Holds lectern.db, spaces/<name>/{content.git,ledger.git,lfs}, hooks/.
    std::filesystem::path state_dir = "/var/lib/lectern";
    std::string listen_host = "127.0.0.1";
    /// 0 picks a free port (printed at start-up; tests use it).
    int port = 8418;
    std::filesystem::path tls_cert;
    std::filesystem::path tls_key;
    /// Plain HTTP is refused off loopback unless this is set (e.g. behind a TLS proxy).
    bool allow_plain_http = false;
    /// Worker threads serving requests. Each open connection holds one (an idle keep-alive
    /// connection for up to 5 s), so this bounds the clients served at once.
    int threads = 256;
    /// Empty: the access log goes to stderr.
    std::filesystem::path access_log;
    log::Level log_level = log::Level::Info;
    std::filesystem::path git_http_backend = "/usr/lib/git-core/git-http-backend";
    /// Answers of upload-pack stored for identical requests against unchanged refs.
    bool upload_pack_cache = true;
    /// Their total size on disk, in MiB; the least recently used are dropped past it.
    std::uint64_t upload_pack_cache_max_mb = 2048;
    /// Tokens created through the API live this long.
    std::int64_t token_lifetime_days = 90;
    /// Failed logins allowed per account, and per client address, in `throttle_window_seconds`;
    /// past that, logins are refused with 429 until the window has passed.
    int throttle_failures_per_account = 10;
    int throttle_failures_per_address = 50;
    int throttle_window_seconds = 300;

    bool uses_tls() const { return !tls_cert.empty(); }
};

/// What the command line may override; unset fields keep the file's value.
struct ConfigOverrides {
    std::optional<std::filesystem::path> config_file;
    std::optional<std::filesystem::path> state_dir;
    std::optional<std::string> listen;  ///< "host:port"
    std::optional<std::filesystem::path> tls_cert;
    std::optional<std::filesystem::path> tls_key;
    bool allow_plain_http = false;
    std::optional<std::string> log_level;
    std::optional<std::filesystem::path> access_log;
};

/// The file (if any) with the flags on top. Throws Error(InvalidArgument) naming the bad key.
ServerConfig load_config(const ConfigOverrides& overrides);

/// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback(const std::string& host);

}  // namespace lectern::server
