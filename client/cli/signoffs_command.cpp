// lectern signoffs [--space DIR] [--agent U] [--status unsigned|signed|needs-resign] [--json]
// [--offline]

#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common/error.hpp"
#include "ledger/signoff_json.hpp"
#include "ledger/signoff_report.hpp"
#include "signer_identity.hpp"
#include "signoff_space.hpp"

namespace lectern::cli {

namespace {

struct SignoffsOptions {
    std::string space;
    std::string agent;
    std::string status;
    bool json = false;
    bool offline = false;
};

// What stands behind a sign-off beyond the agent's own signature: the server's receipt, checked
// against the pinned server key and the receipt log's chain.
std::string receipt_words(const std::string& check, bool own) {
    if (check == "valid") return "receipt valid";
    if (check == "none")
        return own ? "no receipt yet (not synced, or the server has not sent it: lectern sync)"
                   : "no receipt from the server";
    return "receipt " + check;
}

void print_line(const ledger::SignoffStatus& s, const std::string& check, bool own) {
    std::cout << ledger::to_string(s.state) << "  " << s.document_id << "  " << s.path
              << (s.required ? "" : "  (optional)");
    if (s.signoff) {
        std::cout << "  signed version " << s.signoff->record.blob_id.substr(0, 12) << " at "
                  << s.signoff->record.signed_at << "  " << receipt_words(check, own);
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
    const std::string me = require_client_config().user;
    const std::string agent = opts.agent.empty() ? me : opts.agent;
    const bool own = agent == me;
    std::optional<ledger::SignoffState> wanted;
    if (!opts.status.empty()) wanted = ledger::parse_signoff_state(opts.status);
    // Your own: this machine's ledger (records signed here count before they are synced) and
    // the receipts your syncs stored. Another agent's: the space's ledger from the server (for
    // trainers, supervisors and auditors; an agent is refused).
    const ledger::SpaceLedger seen = read_ledger_of(where, own || opts.offline, agent);
    if (!own && seen.fetched_at.empty()) {
        std::cerr << "lectern: the ledger of " << where.name
                  << " has not been fetched from the server to this machine yet, so there is "
                     "nothing of "
                  << agent << "'s to show: run this again online (without --offline)\n";
        return kFailure;
    }
    std::vector<ledger::StoredRecord> records;
    for (const auto& r : seen.records)
        if (r.record.agent == agent) records.push_back(r);
    if (!own && records.empty())
        std::cerr << "lectern: note: no record of " << agent << " has reached the server (as of "
                  << seen.fetched_at << ")\n";
    ledger::SignoffReport receipts;
    receipts.receipts = seen.receipts;
    receipts.refused_receipts = seen.refused_receipts;
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : statuses_of(where, records, {agent})) {
        if (wanted && s.state != *wanted) continue;
        const std::string check = ledger::receipt_check(receipts, s);
        if (opts.json) {
            nlohmann::json row = ledger::to_json(s);
            if (s.signoff) row["receipt_check"] = check;
            out.push_back(std::move(row));
        } else {
            print_line(s, check, own);
        }
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
        "keep sign-offs valid), with whether the server's receipt for each sign-off checks out "
        "(sealed by the server key pinned on this machine, in an unbroken receipt log). Your own "
        "come from this machine's ledger (signed here, synced or not); another agent's, for "
        "trainers, supervisors and auditors, from the space's ledger fetched from the server now.");
    cmd->add_option("--space", opts->space,
                    "The space: its folder or the name of a synced space; default as for other "
                    "commands");
    cmd->add_option("--agent", opts->agent,
                    "Whose sign-offs (default: you). Another agent's only for supervisors and "
                    "auditors of the space");
    cmd->add_option("--status", opts->status, "Only documents in this state")
        ->check(CLI::IsMember({"unsigned", "signed", "needs-resign"}));
    cmd->add_flag("--json", opts->json, "Print JSON (fields in docs/ledger.md)");
    cmd->add_flag("--offline", opts->offline,
                  "With --agent: do not contact the server, use the space's ledger and your "
                  "receipts as fetched before");
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
