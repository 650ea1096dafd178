#include "config.hpp"

#include <toml++/toml.h>

#include "common/error.hpp"

namespace lectern::server {

namespace {

void parse_listen(const std::string& text, ServerConfig& out) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) {
        throw Error(ErrorKind::InvalidArgument, "listen must be HOST:PORT, not '" + text + "'");
    }
    std::string host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    try {
        out.port = std::stoi(text.substr(colon + 1));
    } catch (const std::exception&) {
        throw Error(ErrorKind::InvalidArgument, "listen has no valid port: '" + text + "'");
    }
    if (out.port < 0 || out.port > 65535) {
        throw Error(ErrorKind::InvalidArgument, "listen port out of range: '" + text + "'");
    }
    out.listen_host = host;
}

void set_log_level(const std::string& text, ServerConfig& out) {
    if (!log::parse_level(text, out.log_level)) {
        throw Error(ErrorKind::InvalidArgument,
                    "log level must be debug, info, warning or error, not '" + text + "'");
    }
}

void read_file(const std::filesystem::path& file, ServerConfig& out) {
    toml::table t;
    try {
        t = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        throw Error(ErrorKind::InvalidArgument, std::string(e.description()),
                    {file.string(), static_cast<int>(where.line), static_cast<int>(where.column)});
    }
    if (auto v = t["state_dir"].value<std::string>()) out.state_dir = *v;
    if (auto v = t["http"]["listen"].value<std::string>()) parse_listen(*v, out);
    if (auto v = t["http"]["tls_cert"].value<std::string>()) out.tls_cert = *v;
    if (auto v = t["http"]["tls_key"].value<std::string>()) out.tls_key = *v;
    if (auto v = t["http"]["allow_plain_http"].value<bool>()) out.allow_plain_http = *v;
    if (auto v = t["http"]["threads"].value<int>()) out.threads = *v;
    if (auto v = t["http"]["access_log"].value<std::string>()) out.access_log = *v;
    if (auto v = t["log"]["level"].value<std::string>()) set_log_level(*v, out);
    if (auto v = t["git"]["http_backend"].value<std::string>()) out.git_http_backend = *v;
    if (auto v = t["git"]["upload_pack_cache"].value<bool>()) out.upload_pack_cache = *v;
    if (auto v = t["git"]["upload_pack_cache_max_mb"].value<std::int64_t>()) {
        if (*v < 1) {
            throw Error(ErrorKind::InvalidArgument,
                        "git.upload_pack_cache_max_mb must be at least 1 in " + file.string());
        }
        out.upload_pack_cache_max_mb = static_cast<std::uint64_t>(*v);
    }
    if (auto v = t["auth"]["token_lifetime_days"].value<std::int64_t>())
        out.token_lifetime_days = *v;
    if (auto v = t["auth"]["throttle_failures_per_account"].value<int>())
        out.throttle_failures_per_account = *v;
    if (auto v = t["auth"]["throttle_failures_per_address"].value<int>())
        out.throttle_failures_per_address = *v;
    if (auto v = t["auth"]["throttle_window_seconds"].value<int>())
        out.throttle_window_seconds = *v;
}

}  // namespace

ServerConfig load_config(const ConfigOverrides& o) {
    ServerConfig out;
    if (o.config_file) read_file(*o.config_file, out);
    if (o.state_dir) out.state_dir = *o.state_dir;
    if (o.listen) parse_listen(*o.listen, out);
    if (o.tls_cert) out.tls_cert = *o.tls_cert;
    if (o.tls_key) out.tls_key = *o.tls_key;
    if (o.allow_plain_http) out.allow_plain_http = true;
    if (o.log_level) set_log_level(*o.log_level, out);
    if (o.access_log) out.access_log = *o.access_log;
    if (out.tls_cert.empty() != out.tls_key.empty()) {
        throw Error(ErrorKind::InvalidArgument, "TLS needs both a certificate and a key");
    }
    if (out.threads < 1) throw Error(ErrorKind::InvalidArgument, "http.threads must be at least 1");
    out.state_dir = std::filesystem::absolute(out.state_dir);
    return out;
}

bool is_loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace lectern::server
