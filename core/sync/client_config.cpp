#include "sync/client_config.hpp"

#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include <toml++/toml.h>

#include "common/error.hpp"
#include "sync/file_ops.hpp"

namespace lectern::sync {

namespace fs = std::filesystem;

namespace {

const char* env(const char* name) {
    const char* value = std::getenv(name);
    return (value && *value) ? value : nullptr;
}

std::string string_setting(const toml::table& t, const char* key, const fs::path& file) {
    const toml::node* node = t.get(key);
    if (!node) return {};
    if (const auto* s = node->as_string()) return s->get();
    const auto& where = node->source().begin;
    throw Error(ErrorKind::InvalidContent,
                std::string(key) +
                    " must be a string in quotes; run `lectern login` to rewrite "
                    "the file",
                {file.string(), static_cast<int>(where.line), static_cast<int>(where.column)});
}

}  // namespace

fs::path client_config_path() {
    if (const char* xdg = env("XDG_CONFIG_HOME")) return fs::path(xdg) / "lectern" / "client.toml";
    if (const char* home = env("HOME"))
        return fs::path(home) / ".config" / "lectern" / "client.toml";
    throw Error(ErrorKind::InvalidArgument,
                "cannot tell where the client settings live: set XDG_CONFIG_HOME or HOME");
}

std::optional<ClientConfig> load_client_config(const fs::path& file) {
    std::string text;
    if (!files::read_file(file, text)) return std::nullopt;
    toml::table t;
    try {
        t = toml::parse(text, file.string());
    } catch (const toml::parse_error& e) {
        const auto& where = e.source().begin;
        throw Error(ErrorKind::InvalidContent,
                    std::string(e.description()) + "; fix the file or run `lectern login` again",
                    {file.string(), static_cast<int>(where.line), static_cast<int>(where.column)});
    }
    ClientConfig config;
    config.server = string_setting(t, "server", file);
    config.user = string_setting(t, "user", file);
    config.token = string_setting(t, "token", file);
    config.device = string_setting(t, "device", file);
    if (config.device.empty()) config.device = default_device_name();
    return config;
}

void save_client_config(const ClientConfig& config, const fs::path& file) {
    files::create_private_folders(file.parent_path());
    toml::table t{{"server", config.server},
                  {"user", config.user},
                  {"token", config.token},
                  {"device", config.device.empty() ? default_device_name() : config.device}};
    std::ostringstream out;
    out << "# Written by `lectern login`. The token is a secret: keep this file private (0600).\n"
        << t << '\n';
    files::write_atomically(file, out.str(), 0600);
}

std::string default_device_name() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "device";
    return name;
}

std::string normalise_server_url(const std::string& url) {
    std::string out = url;
    while (!out.empty() && out.back() == '/') out.pop_back();
    const bool http = out.rfind("http://", 0) == 0 && out.size() > 7;
    const bool https = out.rfind("https://", 0) == 0 && out.size() > 8;
    if (!http && !https) {
        throw Error(ErrorKind::InvalidArgument,
                    "the server address must start with http:// or https:// (got '" + url + "')");
    }
    return out;
}

}  // namespace lectern::sync
