// lectern sign ID [--space DIR] [--passphrase-fd N]

#include <iostream>

#include "commands.hpp"
#include "common/diagnostic.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "ledger/signing.hpp"
#include "ledger/signoff_document.hpp"
#include "passphrase_input.hpp"
#include "quiz/attempt_records.hpp"
#include "quiz/gating.hpp"
#include "quiz_recording.hpp"
#include "signer_identity.hpp"
#include "signoff_space.hpp"

namespace lectern::cli {

namespace {

struct SignOptions {
    std::string document;
    std::string space;
    std::optional<int> passphrase_fd;
};

int run(const SignOptions& opts) {
    const SignoffSpace where = locate_signoff_space(opts.space);
    const sync::ClientConfig config = require_client_config();
    auto key = enrolled_key(config);
    if (!key) {
        std::cerr << "lectern: this device is not enrolled for " << config.user
                  << ": run `lectern enroll` first\n";
        return kFailure;
    }
    Diagnostics problems;
    const content::Space space = content::Space::load(where.content, problems);
    const auto repository = content::ContentRepository::open(where.content);
    if (!repository) {
        std::cerr << "lectern: " << where.content.string()
                  << " is not a git working tree: sign from a synced space\n";
        return kFailure;
    }
    // A procedure gated by a quiz needs a passed attempt on the quiz's current version first.
    if (const content::Document* doc = space.find(opts.document)) {
        const auto outcomes = quiz::attempt_outcomes(local_attempts(where));
        if (auto refusal = quiz::signoff_refusal(space, *doc, config.user, outcomes)) {
            std::cerr << "lectern: " << *refusal << '\n';
            return kFailure;
        }
    }
    ledger::SigningRequest request;
    request.document = ledger::document_to_sign(space, *repository, where.name, opts.document);
    request.key = std::move(*key);
    request.ledger = where.ledger;
    const std::string title = request.document.title;
    const std::string version = request.document.blob_id.substr(0, 12);

    ledger::SigningSession session(std::move(request));
    const std::string& text = session.show_text();
    std::cout << title << "   (version " << version << ", space " << where.name << ")\n\n"
              << text << (text.empty() || text.back() == '\n' ? "" : "\n") << "\n"
              << "Signing records that you, " << config.user << ", have "
              << ledger::kMeaningReadAndUnderstood << " this version.\n"
              << std::flush;
    session.enter_passphrase(read_passphrase(opts.passphrase_fd, "Passphrase to sign: "));
    if (!session.unlock_key()) {
        std::cerr << "lectern: wrong passphrase: nothing was signed\n";
        return kFailure;
    }
    session.build_record();
    const ledger::Record& record = session.sign();
    const std::string commit = session.append();
    // Only now, with the record on disk, is it signed.
    std::cout << "signed " << record.document_id << " version " << version << " record "
              << record.id << " commit " << commit.substr(0, 12)
              << "\nIt reaches the server on the next `lectern sync`.\n";
    return kOk;
}

}  // namespace

void add_sign_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<SignOptions>();
    CLI::App* cmd = app.add_subcommand(
        "sign",
        "Sign a procedure: shows its text, asks for your passphrase, and adds a signed record "
        "to this device's ledger (pushed on the next sync). Needs `lectern enroll` first.");
    cmd->add_option("ID|PATH", opts->document, "The procedure's id or path")->required();
    cmd->add_option("--space", opts->space,
                    "The space: its folder (synced, or a git clone of the server's content) or "
                    "the name of a synced space; default as for other commands");
    add_passphrase_fd_option(*cmd, opts->passphrase_fd);
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
