// lectern index [--space DIR] [--index DIR] [--rebuild] [--json]

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "search/space_index.hpp"
#include "space_location.hpp"

namespace lectern::cli {

namespace {

struct IndexOptions {
    std::string space;
    std::string index;
    bool rebuild = false;
    bool json = false;
};

const char* source_name(search::ChangeSource s) {
    switch (s) {
        case search::ChangeSource::UpToDate:
            return "up-to-date";
        case search::ChangeSource::Rebuild:
            return "rebuild";
        case search::ChangeSource::GitDiff:
            return "git-diff";
        case search::ChangeSource::FileStamps:
            return "file-stamps";
    }
    return "";
}

int run(const IndexOptions& opts) {
    search::IndexConfig config;
    config.space_root = locate_space(opts.space);
    config.index_dir =
        opts.index.empty() ? config.resolved_index_dir() : std::filesystem::path(opts.index);
    search::UpdateOptions update;
    update.rebuild = opts.rebuild;
    // Progress on a terminal only: a log file needs no carriage returns.
    if (isatty(STDERR_FILENO)) {
        update.progress.report = [](const search::ProgressStep& s) {
            if (s.total > 0)
                std::cerr << '\r' << s.phase << ' ' << s.done << '/' << s.total << "   "
                          << std::flush;
        };
    }
    const search::IndexReport r = search::update_index(config, update);
    if (isatty(STDERR_FILENO)) std::cerr << '\r' << std::string(40, ' ') << '\r';
    for (const auto& d : r.problems.items())
        std::cerr << "lectern: not indexed: " << d.to_string() << '\n';

    if (opts.json) {
        nlohmann::json renamed = nlohmann::json::array();
        for (const auto& [from, to] : r.renamed) renamed.push_back({{"from", from}, {"to", to}});
        const nlohmann::json out = {{"index", config.index_dir.string()},
                                    {"source", source_name(r.source)},
                                    {"rebuild_reason", r.rebuild_reason},
                                    {"commit", r.commit},
                                    {"documents", r.documents},
                                    {"added", r.added.size()},
                                    {"changed", r.changed},
                                    {"deleted", r.deleted},
                                    {"renamed", renamed},
                                    {"problems", r.problems.items().size()},
                                    {"seconds", r.seconds}};
        std::cout << out.dump(2) << '\n';
        return kOk;
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", r.seconds);
    std::cout << config.index_dir.string() << ": " << r.documents << " documents";
    if (!r.commit.empty()) std::cout << " at commit " << r.commit.substr(0, 12);
    std::cout << '\n';
    if (r.source == search::ChangeSource::Rebuild) {
        std::cout << "rebuilt (" << r.rebuild_reason << ") in " << seconds << " s\n";
    } else if (r.source == search::ChangeSource::UpToDate) {
        std::cout << "already up to date\n";
    } else {
        std::cout << r.added.size() << " added, " << r.changed.size() << " changed, "
                  << r.deleted.size() << " deleted (found by "
                  << (r.source == search::ChangeSource::GitDiff ? "git diff" : "file times")
                  << ") in " << seconds << " s\n";
    }
    return r.problems.has_errors() ? kFindings : kOk;
}

}  // namespace

void add_index_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<IndexOptions>();
    CLI::App* cmd = app.add_subcommand(
        "index",
        "Bring the search index of a space up to date: only changed documents are indexed again.\n"
        "Exits 1 when some documents could not be indexed (run `lectern lint` to see why).");
    add_space_option(*cmd, opts->space);
    add_index_option(*cmd, opts->index);
    cmd->add_flag("--rebuild", opts->rebuild, "Index every document again from scratch");
    cmd->add_flag("--json", opts->json, "Print what was done as JSON");
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
