// lectern show ID|PATH [--space DIR] [--html|--text]

#include <ctime>
#include <iostream>

#include "commands.hpp"
#include "content/document_view.hpp"
#include "content/review.hpp"
#include "space_location.hpp"

namespace lectern::cli {

namespace {

struct ShowOptions {
    std::string what;
    std::string space;
    bool html = false;
    bool text = false;
};

// Today in the local time zone as YYYY-MM-DD: review dates are calendar days where the agent is.
std::string local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buf[11];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
    return buf;
}

void print_header(const content::Document& doc) {
    std::cout << doc.title << '\n'
              << std::string(std::min<std::size_t>(doc.title.size(), 78), '=') << '\n'
              << "id: " << doc.id << "   type: " << content::to_string(doc.type)
              << "   lang: " << doc.lang << '\n'
              << "path: " << doc.path << "   version: " << doc.blob_id.substr(0, 12) << '\n'
              << "owner: " << doc.owner << "   updated: " << doc.updated;
    if (!doc.review_by.empty()) {
        std::cout << "   review by: " << doc.review_by;
        if (content::is_stale(doc, local_today()))
            std::cout << " (past its review date: ask " << doc.owner << ")";
    }
    std::cout << "\n\n";
}

int run(const ShowOptions& opts) {
    Diagnostics problems;
    const auto root = locate_space(opts.space);
    const content::Space space = content::Space::load(root, problems);
    const content::Document* doc = space.find(opts.what);
    if (!doc) {
        std::cerr << "lectern: no document with id or path '" << opts.what << "' in "
                  << root.string() << '\n';
        if (problems.has_errors()) {
            std::cerr << "lectern: the space has errors that may hide it; run: lectern lint "
                      << root.string() << '\n';
        }
        return kFailure;
    }
    if (opts.html) {
        std::cout << content::document_html(space, *doc);
    } else {
        if (!opts.text) print_header(*doc);
        std::cout << content::document_text(*doc) << '\n';
    }
    return kOk;
}

}  // namespace

void add_show_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<ShowOptions>();
    CLI::App* cmd = app.add_subcommand(
        "show", "Show one document by id or path: a header with its version, then its text.");
    cmd->add_option("ID|PATH", opts->what,
                    "Document id (vpn-security) or path (procedures/vpn-security.md)")
        ->required();
    add_space_option(*cmd, opts->space);
    auto* html = cmd->add_flag("--html", opts->html, "Print the rendered, sanitised HTML");
    auto* text =
        cmd->add_flag("--text", opts->text, "Print the plain text only, without the header");
    html->excludes(text);
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
