// lectern report [--space S] [--format csv|json|pdf] [--out FILE] [--agent U]...

#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common/error.hpp"
#include "ledger/report_builder.hpp"
#include "signer_identity.hpp"
#include "signoff_space.hpp"

namespace lectern::cli {

namespace {

struct ReportOptions {
    std::string space;
    std::string format = "csv";
    std::string out;
    std::vector<std::string> agents;
    bool offline = false;
};

int run(const ReportOptions& opts) {
    const SignoffSpace where = locate_signoff_space(opts.space);
    const sync::ClientConfig config = require_client_config();
    ledger::ReportRequest request;
    request.content = where.content;
    request.space = where.name;
    request.ledger = where.ledger;
    request.server = opts.offline ? std::string() : config.server;
    request.credentials = {config.user, config.token};
    request.agents = opts.agents;
    const ledger::SignoffReport report = ledger::build_signoff_report(request);
    if (!report.note.empty()) std::cerr << "lectern: note: " << report.note << '\n';
    // Said on stderr as well as in the report: a sign-off the server has not receipted (or
    // whose receipt does not check out) is not yet proof an auditor accepts.
    std::size_t without = 0;
    for (const auto& s : report.statuses) {
        const std::string check = ledger::receipt_check(report, s);
        if (check.empty() || check == "valid") continue;
        if (without++ == 0) std::cerr << "lectern: sign-offs without a valid receipt:\n";
        std::cerr << "  " << s.agent << ' ' << s.document_id << " record " << s.signoff->record.id
                  << ": " << (check == "none" ? "no receipt from the server" : check) << '\n';
    }

    std::string bytes;
    if (opts.format == "json")
        bytes = ledger::report_json(report).dump(2) + "\n";
    else if (opts.format == "pdf")
        bytes = ledger::report_pdf(report);
    else
        bytes = ledger::report_csv(report);
    if (opts.out.empty() || opts.out == "-") {
        std::cout << bytes;
    } else {
        std::ofstream file(opts.out, std::ios::binary);
        file << bytes;
        if (!file.flush()) throw Error(ErrorKind::Io, "could not write the report to " + opts.out);
        std::cerr << "wrote " << opts.out << " (" << report.statuses.size() << " rows, "
                  << report.scope << ")\n";
    }
    return kOk;
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "report",
        "Who signed which version of each procedure when (with the server's receipt time), who "
        "has not, who must sign again; per agent and per document, with every minor change and "
        "its word diff. Trainers, supervisors and auditors get the whole space (fetched from the "
        "server "
        "now); an agent gets their own records. Every receipt is checked against the server "
        "key pinned on this machine; sign-offs without a valid receipt are listed on stderr.");
    cmd->add_option("--space", opts->space, "The space: its folder or the name of a synced space");
    cmd->add_option("--format", opts->format, "csv (default), json or pdf")
        ->check(CLI::IsMember({"csv", "json", "pdf"}));
    cmd->add_option("--out", opts->out, "Write to this file instead of standard output");
    cmd->add_option("--agent", opts->agents,
                    "Only this agent (repeat for several); also lists agents who signed nothing");
    cmd->add_flag("--offline", opts->offline,
                  "Do not contact the server: use the ledger and receipts fetched before");
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
