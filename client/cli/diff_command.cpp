// lectern diff ID --since-signed [--space DIR] [--agent U]

#include <iostream>

#include "commands.hpp"
#include "common/error.hpp"
#include "content/history.hpp"
#include "content/word_diff.hpp"
#include "signer_identity.hpp"
#include "signoff_space.hpp"

namespace lectern::cli {

namespace {

struct DiffOptions {
    std::string document;
    std::string space;
    std::string agent;
    bool since_signed = false;
};

int run(const DiffOptions& opts) {
    const SignoffSpace where = locate_signoff_space(opts.space);
    std::string agent = opts.agent;
    if (agent.empty()) agent = require_client_config().user;
    const auto statuses = local_statuses(where, {agent});
    const ledger::SignoffStatus* status = nullptr;
    for (const auto& s : statuses)
        if (s.document_id == opts.document || s.path == opts.document) status = &s;
    if (!status) {
        std::cerr << "lectern: " << opts.document
                  << " is not a procedure that asks for a sign-off in " << where.content.string()
                  << '\n';
        return kFailure;
    }
    if (!status->signoff) {
        std::cout << agent << " has not signed " << status->document_id
                  << " yet: there is no signed version to compare with\n";
        return kFindings;
    }
    const std::string& signed_blob = status->signoff->record.blob_id;
    if (signed_blob == status->current_blob) {
        std::cout << status->document_id << ": no changes since " << agent << " signed version "
                  << signed_blob.substr(0, 12) << " at " << status->signoff->record.signed_at
                  << '\n';
        return kOk;
    }
    const auto repository = content::ContentRepository::open(where.content);
    const auto before = repository->read_blob(signed_blob);
    const auto after = repository->read_blob(status->current_blob);
    if (!before || !after) {
        std::cerr << "lectern: version " << signed_blob.substr(0, 12)
                  << " is not in this copy of the content: sync, then try again\n";
        return kFailure;
    }
    std::cout << status->document_id << ": signed version " << signed_blob.substr(0, 12) << " at "
              << status->signoff->record.signed_at << ", now version "
              << status->current_blob.substr(0, 12) << " (" << ledger::to_string(status->state)
              << ")\n";
    for (const auto& v : status->changes_since)
        std::cout << "  " << v.commit.substr(0, 12) << ' '
                  << content::rfc3339(v.time, v.utc_offset_minutes) << ' '
                  << (v.minor ? "minor       " : "substantive ") << v.summary << '\n';
    std::cout << '\n' << content::word_diff_marked_text(content::word_diff(*before, *after));
    return kOk;
}

}  // namespace

void add_diff_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<DiffOptions>();
    CLI::App* cmd = app.add_subcommand(
        "diff",
        "What changed in a procedure since it was signed: the commits (minor or substantive) "
        "and a word diff, [-deleted-]{+inserted+}.");
    cmd->add_option("ID|PATH", opts->document, "The procedure's id or path")->required();
    cmd->add_flag("--since-signed", opts->since_signed,
                  "Compare the version signed with the current one")
        ->required();
    cmd->add_option("--space", opts->space, "The space: its folder or the name of a synced space");
    cmd->add_option("--agent", opts->agent, "Whose sign-off (default: you)");
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
