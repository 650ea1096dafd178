// lectern-server: git smart HTTP, Git LFS and the REST API for Lectern spaces, and the admin
// commands that manage its state folder.

#include <CLI/CLI.hpp>

#include <iostream>

#include "admin/admin_commands.hpp"
#include "common/error.hpp"
#include "common/log.hpp"
#include "config.hpp"
#include "demo/demo.hpp"
#include "hooks/pre_receive.hpp"
#include "http/server.hpp"
#include "http/server_context.hpp"
#include "ledger/receipt_issuer.hpp"

namespace {

using namespace lectern::server;

void add_config_options(CLI::App& app, ConfigOverrides& o) {
    app.add_option("--config", o.config_file, "TOML configuration file (see docs/server-admin.md)");
    app.add_option("--state", o.state_dir, "State folder: repositories, LFS objects, database");
    app.add_option("--listen", o.listen, "HOST:PORT to listen on (port 0: any free port)");
    app.add_option("--tls-cert", o.tls_cert, "PEM certificate: serve HTTPS");
    app.add_option("--tls-key", o.tls_key, "PEM private key of the certificate");
    app.add_flag("--allow-plain-http", o.allow_plain_http,
                 "Allow plain HTTP off loopback (only behind a TLS-terminating proxy)");
    app.add_option("--log-level", o.log_level, "debug, info, warning or error");
    app.add_option("--access-log", o.access_log,
                   "Append the access log to this file (default: stderr)");
}

void serve_forever(const ConfigOverrides& overrides) {
    const ServerConfig config = load_config(overrides);
    lectern::log::set_threshold(config.log_level);
    StateDir(config.state_dir).install_hooks(current_executable());
    ServerContext ctx(config);
    // Receipts owed for pushes git stored just before the server last stopped.
    for (const auto& space : ctx.store.spaces()) {
        try {
            const auto issued =
                issue_missing_receipts(ctx.state, space, ctx.receipts, ctx.server_key);
            if (!issued.empty()) {
                lectern::log::info(
                    lectern::log::kLedger,
                    "issued " + std::to_string(issued.size()) + " owed receipts in " + space);
            }
        } catch (const lectern::Error& e) {
            // One damaged space must not keep the others offline; its next push retries.
            lectern::log::error(lectern::log::kLedger,
                                "cannot issue owed receipts in " + space + ": " + e.what());
        }
    }
    serve(ctx, [](const std::string& url) {
        std::cout << "lectern-server listening on " << url << std::endl;
    });
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "lectern-server: git smart HTTP, Git LFS and the REST API for Lectern spaces.\n"
        "Without a subcommand it serves; `init`, `space`, `user`, `member` and `token` manage it."};
    app.set_version_flag("--version", std::string("lectern-server ") + LECTERN_VERSION);
    app.fallthrough();
    app.require_subcommand(0, 1);
    ConfigOverrides overrides;
    add_config_options(app, overrides);
    bool demo = false;
    DemoOptions demo_options;
    app.add_flag("--demo", demo,
                 "Serve the sample content on 127.0.0.1 with one demo user per role");
    app.add_option("--demo-content", demo_options.content, "The content folder the demo serves");

    int exit_code = 0;
    app.add_subcommand("serve", "Serve (the default).")->callback([&] {
        serve_forever(overrides);
    });
    add_admin_commands(app, overrides, exit_code);
    auto* hook = app.add_subcommand("hook", "Run by git inside the server; not for people.")
                     ->require_subcommand(1);
    hook->group("");
    hook->add_subcommand("pre-receive", "Check a push before git stores it.")->callback([&] {
        exit_code = run_pre_receive(push_context_from_environment(), std::cin, std::cerr);
    });
    hook->add_subcommand("post-receive", "Issue receipts after git stored a push.")->callback([&] {
        exit_code = run_post_receive(push_context_from_environment(), std::cerr);
    });

    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) {
            if (demo) {
                run_demo(load_config(overrides), demo_options);
            } else {
                serve_forever(overrides);
            }
        }
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const lectern::Error& e) {
        std::cerr << "lectern-server: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "lectern-server: unexpected failure: " << e.what() << '\n';
        return 2;
    }
    return exit_code;
}
