// lectern status [SPACE...]

#include <iostream>

#include "commands.hpp"
#include "ledger/ledger_sync.hpp"
#include "ledger/local_ledger.hpp"
#include "sync/client_config.hpp"
#include "sync/local_paths.hpp"
#include "sync/space_status.hpp"

namespace lectern::cli {

namespace {

// Accepted records whose receipt has not come yet (the receipts are fetched by sync).
void print_receipts_owed(const sync::SpaceStatus& s, const std::optional<sync::ClientConfig>& c) {
    if (!c || c->user.empty()) return;
    const std::string device = c->device.empty() ? sync::default_device_name() : c->device;
    const std::size_t owed =
        ledger::count_records_without_receipt(sync::space_paths(s.space).ledger, c->user, device);
    if (owed) std::cout << "  ledger: " << owed << " records without the server's receipt yet\n";
    const auto ledger = ledger::LocalLedger::open(sync::space_paths(s.space).ledger);
    if (!ledger) return;
    const auto aside = ledger->records_set_aside(c->user);
    if (aside.empty()) return;
    std::cout << "  ledger: " << aside.size()
              << " records set aside, signed with a key the server revoked (kept, not sent; "
                 "sign these documents again):\n";
    for (const auto& a : aside)
        std::cout << "    " << a.record.document_id << "  record " << a.record.id << "  device "
                  << a.record.device << "  signed at " << a.record.signed_at << '\n';
}

void print(const sync::SpaceStatus& s, const std::optional<sync::ClientConfig>& config) {
    std::cout << s.space << ":\n";
    if (!s.synced) {
        std::cout << "  not synced yet";
        if (s.last && !s.last->failure_message.empty())
            std::cout << " (last attempt " << s.last->last_attempt << ": "
                      << s.last->failure_message << ")";
        std::cout << '\n';
        return;
    }
    std::cout << "  commit: " << s.commit.substr(0, 12) << '\n';
    if (s.last) {
        std::cout << "  last sync: "
                  << (s.last->last_success.empty() ? "never" : s.last->last_success) << " from "
                  << s.last->server << '\n';
        if (!s.last->failure_reason.empty()) {
            std::cout << "  " << (s.offline() ? "offline" : "last attempt failed") << " ("
                      << s.last->last_attempt << "): " << s.last->failure_message
                      << "\n  reading from the last synced commit\n";
        } else {
            std::cout << "  online at the last attempt (" << s.last->last_attempt << ")\n";
        }
    }
    std::cout << "  LFS objects: " << s.lfs_cached << " cached, " << s.lfs_missing << " missing\n";
    if (s.ledger_waiting)
        std::cout << "  ledger: " << *s.ledger_waiting << " records waiting to be pushed\n";
    print_receipts_owed(s, config);
    if (s.set_aside_folders)
        std::cout << "  set-aside local edits: " << s.set_aside_folders << " folders in "
                  << sync::space_paths(s.space).set_aside.string() << '\n';
}

int run(const std::vector<std::string>& wanted) {
    const auto config = sync::load_client_config();
    if (config && !config->server.empty()) {
        std::cout << "server: " << config->server << " as " << config->user << " (device "
                  << config->device << ")\n";
    } else {
        std::cout << "server: none (run lectern login URL)\n";
    }
    const std::vector<std::string> spaces = wanted.empty() ? sync::synced_spaces() : wanted;
    if (spaces.empty()) std::cout << "no spaces synced yet (run lectern sync)\n";
    for (const auto& space : spaces) print(sync::space_status(space), config);
    return kOk;
}

}  // namespace

void add_status_command(CLI::App& app, int& exit_code) {
    auto spaces = std::make_shared<std::vector<std::string>>();
    CLI::App* cmd = app.add_subcommand(
        "status",
        "Show the sync state of your spaces without contacting the server: the commit you "
        "read, the last sync and whether it reached the server, LFS objects cached or missing, "
        "ledger records waiting to be pushed (signed offline), those still without the "
        "server's receipt, and those set aside because the server revoked the key that signed "
        "them.");
    cmd->add_option("SPACE", *spaces, "Spaces to show; default: every synced space");
    cmd->callback([spaces, &exit_code] { exit_code = run(*spaces); });
}

}  // namespace lectern::cli
