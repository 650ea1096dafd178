// lectern signoffs [--space DIR] [--agent U] [--status unsigned|signed|needs-resign] [--json]

#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common/error.hpp"
#include "ledger/signoff_json.hpp"
#include "signer_identity.hpp"
#include "signoff_space.hpp"

namespace lectern::cli {

namespace {

struct SignoffsOptions {
    std::string space;
    std::string agent;
    std::string status;
    bool json = false;
};

void print_line(const ledger::SignoffStatus& s) {
    std::cout << ledger::to_string(s.state) << "  " << s.document_id << "  " << s.path
              << (s.required ? "" : "  (optional)");
    if (s.signoff) {
        std::cout << "  signed version " << s.signoff->record.blob_id.substr(0, 12) << " at "
                  << s.signoff->record.signed_at;
    }
    std::size_t minor = 0;
    for (const auto& v : s.changes_since) minor += v.minor ? 1 : 0;
    const std::size_t substantive = s.changes_since.size() - minor;
    if (substantive > 0)
        std::cout << "  " << substantive << " substantive change(s) since: lectern diff "
                  << s.document_id << " --since-signed";
    if (minor > 0) std::cout << "  " << minor << " minor change(s) since";
    std::cout << '\n';
}

int run(const SignoffsOptions& opts) {
    const SignoffSpace where = locate_signoff_space(opts.space);
    std::string agent = opts.agent;
    if (agent.empty()) agent = require_client_config().user;
    std::optional<ledger::SignoffState> wanted;
    if (!opts.status.empty()) wanted = ledger::parse_signoff_state(opts.status);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : local_statuses(where, {agent})) {
        if (wanted && s.state != *wanted) continue;
        if (opts.json)
            out.push_back(ledger::to_json(s));
        else
            print_line(s);
    }
    if (opts.json) std::cout << out.dump(2) << '\n';
    return kOk;
}

}  // namespace

void add_signoffs_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<SignoffsOptions>();
    CLI::App* cmd = app.add_subcommand(
        "signoffs",
        "Where an agent stands with each procedure that asks for a sign-off: unsigned, signed "
        "(version, date) or needs-resign (a newer substantive version exists; minor changes "
        "keep sign-offs valid). Reads this machine's ledger.");
    cmd->add_option("--space", opts->space,
                    "The space: its folder or the name of a synced space; default as for other "
                    "commands");
    cmd->add_option("--agent", opts->agent,
                    "Whose sign-offs (default: you). Others' records are here only after a "
                    "supervisor's `lectern report` fetched them");
    cmd->add_option("--status", opts->status, "Only documents in this state")
        ->check(CLI::IsMember({"unsigned", "signed", "needs-resign"}));
    cmd->add_flag("--json", opts->json, "Print JSON (fields in docs/ledger.md)");
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
