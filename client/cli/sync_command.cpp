// lectern sync [SPACE...]

#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "ledger_sync_step.hpp"
#include "sync/client_config.hpp"
#include "sync/server_api.hpp"
#include "sync/space_sync.hpp"

namespace lectern::cli {

namespace {

struct SyncCommandOptions {
    std::vector<std::string> spaces;
    bool no_lfs = false;
    bool quiet = false;
};

std::string human_bytes(std::uint64_t n) {
    std::ostringstream out;
    if (n < 1024) {
        out << n << " B";
    } else if (n < 1024 * 1024) {
        out << (n * 10 / 1024) / 10.0 << " KiB";
    } else {
        out << (n * 10 / (1024 * 1024)) / 10.0 << " MiB";
    }
    return out.str();
}

// One line per percent (or per phase change), so a slow link shows movement without
// flooding a log.
sync::Progress progress_lines(const std::string& space, bool quiet) {
    sync::Progress p;
    if (quiet) return p;
    auto last = std::make_shared<std::pair<std::string, std::size_t>>("", std::size_t(-1));
    p.report = [space, last](const sync::ProgressStep& s) {
        const std::size_t percent = s.total ? s.done * 100 / s.total : 0;
        if (last->first == s.phase && last->second == percent) return;
        last->first = std::string(s.phase);
        last->second = percent;
        std::cout << space << ": " << s.phase << ' ' << s.done << '/' << s.total;
        if (s.bytes) std::cout << ", " << human_bytes(s.bytes);
        std::cout << std::endl;
    };
    return p;
}

void print_changes(const sync::SyncReport& r) {
    const auto line = [](const char* what, const sync::DocumentChange& d) {
        std::cout << "  " << what << ' ' << d.type << ' ' << d.id;
        if (!d.title.empty()) std::cout << " \"" << d.title << '"';
        std::cout << " (" << d.path << ")\n";
    };
    for (const auto& d : r.changes.added) line("added  ", d);
    for (const auto& d : r.changes.changed) line("changed", d);
    for (const auto& d : r.changes.removed) line("removed", d);
    if (!r.changes.other_files.empty()) {
        std::cout << "  other files:";
        for (const auto& f : r.changes.other_files) std::cout << ' ' << f;
        std::cout << '\n';
    }
}

int sync_one(const sync::ClientConfig& config, const std::string& space,
             const SyncCommandOptions& opts) {
    sync::SyncOptions options;
    options.space = space;
    options.server = config.server;
    options.credentials = {config.user, config.token};
    options.progress = progress_lines(space, opts.quiet);
    options.prefetch_lfs = !opts.no_lfs;
    const auto r = sync::sync_space(options);
    if (!r.ok()) {
        std::cerr << "lectern: " << space << ": " << r.failure->message << '\n';
        return kFailure;
    }
    if (r.set_aside) {
        std::cout << space << ": your local edits (" << r.set_aside->files.size() << " changed, "
                  << r.set_aside->deleted.size() << " deleted files) were set aside in "
                  << r.set_aside->folder.string() << "; the synced copy replaced them\n";
    }
    if (r.old_commit.empty()) {
        std::cout << space << ": first sync at " << r.new_commit.substr(0, 12) << ", "
                  << r.changes.added.size() << " documents\n";
    } else if (r.old_commit == r.new_commit) {
        std::cout << space << ": up to date at " << r.new_commit.substr(0, 12) << '\n';
    } else {
        std::cout << space << ": updated " << r.old_commit.substr(0, 12) << " -> "
                  << r.new_commit.substr(0, 12) << " (" << r.changes.added.size() << " added, "
                  << r.changes.changed.size() << " changed, " << r.changes.removed.size()
                  << " removed)\n";
        print_changes(r);
    }
    if (r.lfs_downloaded)
        std::cout << space << ": " << r.lfs_downloaded << " lesson videos downloaded ("
                  << human_bytes(r.lfs_bytes) << ")\n";
    for (const auto& p : r.lfs_problems) std::cerr << "lectern: " << space << ": " << p << '\n';
    if (!r.index_note.empty()) std::cout << space << ": search index: " << r.index_note << '\n';
    return r.lfs_problems.empty() ? kOk : kFailure;
}

int run(const SyncCommandOptions& opts) {
    const auto config = sync::load_client_config();
    if (!config || config->server.empty() || config->token.empty()) {
        std::cerr << "lectern: not logged in; run: lectern login URL\n";
        return kFailure;
    }
    std::vector<std::string> spaces = opts.spaces;
    if (spaces.empty()) {
        const auto list = sync::list_spaces(config->server, {config->user, config->token});
        if (list.failure) {
            std::cerr << "lectern: " << list.failure->message << '\n';
            return kFailure;
        }
        for (const auto& s : list.spaces) spaces.push_back(s.space);
        if (spaces.empty()) {
            std::cerr << "lectern: " << config->user << " is not a member of any space on "
                      << config->server << "; ask an admin\n";
            return kFailure;
        }
    }
    int worst = kOk;
    for (const auto& space : spaces) {
        worst = std::max(worst, sync_one(*config, space, opts));
        // Records go up even when the content could not come down: they name content the
        // server already has.
        worst = std::max(worst, sync_space_ledger(*config, space, progress_lines(space, opts.quiet),
                                                  opts.quiet));
    }
    return worst;
}

}  // namespace

void add_sync_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<SyncCommandOptions>();
    CLI::App* cmd = app.add_subcommand(
        "sync",
        "Bring the local copy of your spaces up to date from the server you logged in to, "
        "update their search index, and download the lesson videos of the onboarding path. "
        "Prints what changed. Then push this device's signed records (sign-offs, quiz "
        "attempts, lesson completions) and fetch their receipts; records the server refuses "
        "stay on the device and the message says why, and so do records whose signing key file "
        "is lost (the message says to restore it or enroll again; the other spaces still sync). "
        "Records signed with a key an admin revoked are set aside (kept, listed by `lectern "
        "status`, no longer sent) and their documents named to sign again (exit 1). "
        "Local edits are set aside (the message says where), never lost. "
        "Exit 2 when the server cannot be reached, refuses the token (run lectern login) or "
        "the space; what was synced before stays readable.");
    cmd->add_option("SPACE", opts->spaces, "Spaces to sync; default: all of yours on the server");
    cmd->add_flag("--no-lfs", opts->no_lfs,
                  "Do not download lesson videos now (they download "
                  "when a lesson is opened)");
    cmd->add_flag("-q,--quiet", opts->quiet, "No progress lines");
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
