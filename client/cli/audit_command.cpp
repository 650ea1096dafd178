// lectern audit export --space S [--agent U] --out FILE [--server URL] [--user U --token-fd N]
// lectern audit verify FILE [--head KEPT_HEAD] [--keep-head FILE]

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common/error.hpp"
#include "common/scratch_dir.hpp"
#include "ledger/audit_export.hpp"
#include "ledger/audit_verify.hpp"
#include "sync/client_config.hpp"

namespace lectern::cli {

namespace {

struct ExportOptions {
    std::string server;
    std::string space;
    std::string agent;
    std::string out;
    std::string user;
    int token_fd = -1;
};

struct VerifyOptions {
    std::string file;
    std::string head;
    std::string keep_head;
};

/// One line from `fd`: a token handed over without a command line.
std::string read_line_from_fd(int fd) {
    std::string out;
    char c;
    while (::read(fd, &c, 1) == 1 && c != '\n') out.push_back(c);
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return out;
}

int run_export(const ExportOptions& o) {
    const auto config = sync::load_client_config();
    ledger::AuditExportOptions e;
    e.server = !o.server.empty() ? o.server : config ? config->server : "";
    if (e.server.empty()) {
        std::cerr << "lectern: no server: give --server URL or run `lectern login URL` first\n";
        return kFailure;
    }
    e.server = sync::normalise_server_url(e.server);
    e.credentials.user = !o.user.empty() ? o.user : config ? config->user : "";
    if (o.token_fd >= 0) {
        e.credentials.token = read_line_from_fd(o.token_fd);
    } else if (config && config->server == e.server) {
        e.credentials.token = config->token;
    }
    if (e.credentials.user.empty() || e.credentials.token.empty()) {
        std::cerr << "lectern: no credentials for " << e.server << ": run `lectern login "
                  << e.server << "`, or give --user and --token-fd\n";
        return kFailure;
    }
    e.space = o.space;
    if (!o.agent.empty()) e.agent = o.agent;
    ScratchDir scratch("audit");
    e.work_dir = scratch.path();
    e.progress.report = [](const sync::ProgressStep& s) {
        if (s.total > 0 && s.done == s.total)
            std::cerr << "lectern: " << s.phase << " " << s.done << " objects\n";
    };
    const auto exported = ledger::export_audit_bundle(e);
    ledger::write_bundle(exported.bundle, o.out);
    std::cout << "exported " << exported.bundle.branches.size() << " branches, "
              << exported.bundle.receipts.size() << " receipts, "
              << exported.bundle.content_blobs.size() << " document versions of " << o.space
              << " (log size " << exported.bundle.log_head.size << ") to " << o.out << '\n';
    if (exported.left_out > 0) {
        std::cout << exported.left_out
                  << " records still waiting for their receipts were left out\n";
    }
    return kOk;
}

int run_verify(const VerifyOptions& o) {
    const ledger::AuditBundle bundle = ledger::read_bundle(o.file);
    std::optional<ledger::LogHead> kept;
    if (!o.head.empty()) kept = ledger::read_kept_head(o.head);
    const ledger::AuditSummary s = ledger::verify_bundle(bundle, kept);
    std::cout << "space " << bundle.space << ", "
              << (bundle.agent ? "agent " + *bundle.agent : std::string("every agent")) << '\n'
              << "  branches: " << s.branches << ", records: " << s.records
              << ", agents: " << s.agents << ", receipt log size: " << s.log_size << '\n';
    if (s.kept_head_checked)
        std::cout << "  kept head (size " << kept->size
                  << "): " << (s.ok() ? "extended by this log" : "see failures") << '\n';
    for (const auto& n : s.notes) std::cout << "  flagged: " << n << '\n';
    for (const auto& f : s.failures) std::cout << "  FAILED: " << f << '\n';
    if (!s.ok()) {
        std::cout << s.failures.size() << (s.failures.size() == 1 ? " failure" : " failures")
                  << ": this bundle does not prove its records\n";
        return kFindings;
    }
    std::cout << "verified: every signature, record, document version and receipt checks out\n";
    if (!o.keep_head.empty()) {
        std::ofstream(o.keep_head) << ledger::to_json(bundle.log_head).dump() << '\n';
        std::cout << "log head kept in " << o.keep_head
                  << ": give it to --head when verifying a later export\n";
    }
    return kOk;
}

}  // namespace

void add_audit_command(CLI::App& app, int& exit_code) {
    CLI::App* audit = app.add_subcommand(
        "audit", "Export a space's signed records from the server, and verify an export offline.");
    audit->require_subcommand(1);

    auto eo = std::make_shared<ExportOptions>();
    CLI::App* ex = audit->add_subcommand(
        "export",
        "Write one file with the records, keys, document versions, receipts and log head of a "
        "space (supervisor, auditor or admin).");
    ex->add_option("--space", eo->space, "The space on the server")->required();
    ex->add_option("--agent", eo->agent, "Only this agent's records");
    ex->add_option("--out", eo->out, "The bundle file to write")->required();
    ex->add_option("--server", eo->server, "Server URL (default: the one of `lectern login`)");
    ex->add_option("--user", eo->user, "User name (default: the one of `lectern login`)");
    ex->add_option("--token-fd", eo->token_fd,
                   "Read an access token (one line) from this file descriptor");
    ex->callback([eo, &exit_code] { exit_code = run_export(*eo); });

    auto vo = std::make_shared<VerifyOptions>();
    CLI::App* ve = audit->add_subcommand(
        "verify",
        "Check a bundle offline: signatures, records against document versions, branch "
        "histories, receipts and the receipt log. Exit 1 if anything fails.");
    ve->add_option("FILE", vo->file, "A bundle written by `lectern audit export`")->required();
    ve->add_option("--head", vo->head,
                   "A log head kept from an earlier export: check that this log extends it");
    ve->add_option("--keep-head", vo->keep_head,
                   "After a successful check, write this bundle's log head here to keep");
    ve->callback([vo, &exit_code] { exit_code = run_verify(*vo); });
}

}  // namespace lectern::cli
