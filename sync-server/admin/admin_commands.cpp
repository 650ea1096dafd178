#include "admin/admin_commands.hpp"

#include <unistd.h>

#include <functional>
#include <iostream>
#include <memory>

#include "auth/secrets.hpp"
#include "common/error.hpp"
#include "ledger/server_key.hpp"
#include "ledger/utc_time.hpp"
#include "state_dir.hpp"
#include "store/store.hpp"

namespace lectern::server {

namespace {

struct AdminOptions {
    std::string space;
    std::string user;
    std::string role;
    std::string token_name = "cli";
    std::int64_t expires_days = 90;
    std::int64_t token_id = 0;
    std::string device;
    int password_fd = -1;
};

/// Reads one line from `fd` (a password handed over without a command line or a terminal).
std::string read_line_from_fd(int fd) {
    std::string out;
    char c;
    while (::read(fd, &c, 1) == 1 && c != '\n') out.push_back(c);
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return out;
}

/// Opens the state folder and its database, creating them if needed.
struct Admin {
    ServerConfig config;
    StateDir state;
    Store store;

    explicit Admin(const ConfigOverrides& o) : Admin(load_config(o)) {}
    explicit Admin(ServerConfig c)
        : config(std::move(c)), state(config.state_dir), store(prepare(state)) {}

    static std::filesystem::path prepare(const StateDir& s) {
        s.create();
        ensure_server_key(s);
        return s.database();
    }
};

void space_create(Admin& a, const AdminOptions& o) {
    a.store.add_space(o.space);
    a.state.create_space(o.space);
    a.state.install_hooks(current_executable());
    std::cout << "space " << o.space << " created in " << a.state.space(o.space).string() << '\n';
}

void user_add(Admin& a, const AdminOptions& o) {
    const bool generated = o.password_fd < 0;
    const std::string password = generated ? generate_password() : read_line_from_fd(o.password_fd);
    a.store.add_user(o.user, password);
    std::cout << "user " << o.user << " added";
    if (generated) std::cout << " with password " << password;
    std::cout << '\n';
}

void print_keys(const std::vector<DeviceKey>& keys) {
    for (const auto& k : keys) {
        std::cout << k.user << '\t' << k.device << '\t' << k.public_key << '\t' << "registered "
                  << ledger::format_utc(k.registered_at) << '\t'
                  << (k.revoked_at ? "revoked " + ledger::format_utc(*k.revoked_at) : "live")
                  << '\n';
    }
}

void add_key_commands(
    CLI::App& app, const std::shared_ptr<AdminOptions>& opts,
    const std::function<std::function<void()>(std::function<void(Admin&)>)>& run) {
    auto* key = app.add_subcommand("key", "Manage the device keys agents sign records with.")
                    ->require_subcommand(1);
    auto* revoke = key->add_subcommand(
        "revoke", "Revoke a device's live key: records it signs are refused from now on.");
    revoke->add_option("USER", opts->user, "User name")->required();
    revoke->add_option("DEVICE", opts->device, "Device name (see key list)")->required();
    revoke->callback(run([opts](Admin& a) {
        if (!a.store.revoke_key(opts->user, opts->device)) {
            throw Error(ErrorKind::NotFound, opts->user + " has no live key for device " +
                                                 opts->device + " (see `lectern-server key list`)");
        }
        std::cout << "key of " << opts->user << " on " << opts->device << " revoked\n";
    }));
    auto* list =
        key->add_subcommand("list", "List device keys (all users, or one), live and revoked.");
    list->add_option("USER", opts->user, "Only this user's keys");
    list->callback(run([opts](Admin& a) {
        print_keys(opts->user.empty() ? a.store.all_keys() : a.store.keys(opts->user));
    }));
}

}  // namespace

void add_admin_commands(CLI::App& app, const ConfigOverrides& overrides, int& exit_code) {
    auto opts = std::make_shared<AdminOptions>();
    const ConfigOverrides* ov = &overrides;
    auto run = [ov, &exit_code](auto fn) {
        return [ov, &exit_code, fn] {
            Admin admin(*ov);
            fn(admin);
            exit_code = 0;
        };
    };

    add_key_commands(app, opts, [&run](std::function<void(Admin&)> fn) { return run(fn); });

    app.add_subcommand("init", "Create the state folder, its database and the server's key.")
        ->callback(run([](Admin& a) {
            std::cout << "state folder ready: " << a.state.root().string() << '\n';
        }));

    auto* space = app.add_subcommand("space", "Manage spaces.")->require_subcommand(1);
    auto* space_create_cmd =
        space->add_subcommand("create", "Create a space: its content and ledger repositories.");
    space_create_cmd->add_option("NAME", opts->space, "Space name (a-z, 0-9, '-')")->required();
    space_create_cmd->callback(run([opts](Admin& a) { space_create(a, *opts); }));

    auto* user = app.add_subcommand("user", "Manage users.")->require_subcommand(1);
    auto* user_add_cmd = user->add_subcommand(
        "add", "Add a user. Without --password-fd a password is generated and printed.");
    user_add_cmd->add_option("NAME", opts->user, "User name")->required();
    user_add_cmd->add_option("--password-fd", opts->password_fd,
                             "Read the password (one line) from this file descriptor");
    user_add_cmd->callback(run([opts](Admin& a) { user_add(a, *opts); }));

    auto* member = app.add_subcommand("member", "Manage memberships.")->require_subcommand(1);
    auto* member_add =
        member->add_subcommand("add", "Give a user a role in a space (or change it).");
    member_add->add_option("USER", opts->user, "User name")->required();
    member_add->add_option("SPACE", opts->space, "Space name")->required();
    member_add->add_option("--role", opts->role, "agent, trainer, supervisor, auditor or admin")
        ->required()
        ->check(CLI::IsMember({"agent", "trainer", "supervisor", "auditor", "admin"}));
    member_add->callback(run([opts](Admin& a) {
        a.store.set_member(opts->user, opts->space, *parse_role(opts->role));
        std::cout << opts->user << " is " << opts->role << " in " << opts->space << '\n';
    }));

    auto* token =
        app.add_subcommand("token", "Manage personal access tokens.")->require_subcommand(1);
    auto* token_create =
        token->add_subcommand("create", "Create a token for a user and print it (shown once).");
    token_create->add_option("USER", opts->user, "User name")->required();
    token_create->add_option("--name", opts->token_name, "What the token is for")
        ->capture_default_str();
    token_create->add_option("--expires-days", opts->expires_days, "Days until it expires")
        ->check(CLI::Range(1, 3650))
        ->capture_default_str();
    token_create->callback(run([opts](Admin& a) {
        const auto t = a.store.create_token(opts->user, opts->token_name,
                                            unix_now() + opts->expires_days * 86400);
        std::cout << t.secret << '\n';
        std::cerr << "token " << t.id << " for " << opts->user << ", expires in "
                  << opts->expires_days << " days\n";
    }));
    auto* token_revoke = token->add_subcommand("revoke", "Revoke a token by id.");
    token_revoke->add_option("ID", opts->token_id, "Token id (see token list)")->required();
    token_revoke->callback(run([opts](Admin& a) {
        if (!a.store.revoke_token(opts->token_id)) {
            throw Error(ErrorKind::NotFound,
                        "no live token with id " + std::to_string(opts->token_id));
        }
        std::cout << "token " << opts->token_id << " revoked\n";
    }));
    auto* token_list = token->add_subcommand("list", "List a user's tokens (never their secrets).");
    token_list->add_option("USER", opts->user, "User name")->required();
    token_list->callback(run([opts](Admin& a) {
        const auto now = unix_now();
        for (const auto& t : a.store.tokens(opts->user)) {
            const char* state =
                t.revoked_at ? "revoked" : (t.expires_at <= now ? "expired" : "live");
            std::cout << t.id << '\t' << t.name << '\t' << state << '\t' << "expires "
                      << t.expires_at << '\n';
        }
    }));
}

}  // namespace lectern::server
