// lectern list [--space DIR] [--type T] [--lang L] [--json]

#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "content/space.hpp"
#include "space_location.hpp"

namespace lectern::cli {

namespace {

struct ListOptions {
    std::string space;
    std::string type;
    std::string lang;
    bool json = false;
};

int run(const ListOptions& opts) {
    Diagnostics problems;
    const auto root = locate_space(opts.space);
    const content::Space space = content::Space::load(root, problems);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& doc : space.documents()) {
        const std::string type(content::to_string(doc.type));
        if ((!opts.type.empty() && type != opts.type) ||
            (!opts.lang.empty() && doc.lang != opts.lang))
            continue;
        if (opts.json) {
            rows.push_back({{"id", doc.id},
                            {"type", type},
                            {"lang", doc.lang},
                            {"title", doc.title},
                            {"path", doc.path},
                            {"version", doc.blob_id}});
        } else {
            std::cout << std::left << std::setw(10) << type << std::setw(4) << doc.lang
                      << std::setw(32) << doc.id << doc.title << '\n';
        }
    }
    if (opts.json) std::cout << rows.dump(2) << '\n';
    if (problems.has_errors()) {
        std::cerr << "lectern: " << problems.error_count()
                  << " documents or files have errors and are not listed; run: lectern lint "
                  << root.string() << '\n';
    }
    return kOk;
}

}  // namespace

void add_list_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<ListOptions>();
    CLI::App* cmd =
        app.add_subcommand("list", "List the documents of a space: type, language, id and title.");
    add_space_option(*cmd, opts->space);
    cmd->add_option("--type", opts->type, "Only this type")
        ->check(CLI::IsMember({"procedure", "script", "lesson", "quiz"}));
    cmd->add_option("--lang", opts->lang, "Only this language (en, pl, nb, et, ru, ...)");
    cmd->add_flag("--json", opts->json, "Print a JSON array");
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
