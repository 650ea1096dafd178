// lectern lint DIR [--format text|json]

#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "content/lint.hpp"

namespace lectern::cli {

namespace {

struct LintOptions {
    std::string dir = ".";
    std::string format = "text";
};

void print_json(const Diagnostics& found) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& d : found.items()) {
        items.push_back({{"file", d.where.file},
                         {"line", d.where.line},
                         {"column", d.where.column},
                         {"severity", d.severity == Severity::Error ? "error" : "warning"},
                         {"code", d.code},
                         {"message", d.message}});
    }
    const nlohmann::json out = {{"errors", found.error_count()},
                                {"warnings", found.items().size() - found.error_count()},
                                {"diagnostics", items}};
    std::cout << out.dump(2) << '\n';
}

int run(const LintOptions& opts) {
    const Diagnostics found = content::lint_space(opts.dir);
    if (opts.format == "json") {
        print_json(found);
    } else {
        for (const auto& d : found.items()) std::cout << d.to_string() << '\n';
        const auto errors = found.error_count();
        const auto warnings = found.items().size() - errors;
        std::cerr << opts.dir << ": " << errors << (errors == 1 ? " error" : " errors") << ", "
                  << warnings << (warnings == 1 ? " warning" : " warnings") << '\n';
    }
    return found.has_errors() ? kFindings : kOk;
}

}  // namespace

void add_lint_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<LintOptions>();
    CLI::App* cmd = app.add_subcommand(
        "lint",
        "Check a content space: front matter, links, call scripts, onboarding paths.\n"
        "Prints every problem as FILE:LINE:COLUMN: MESSAGE; exits 1 if there is any error.");
    cmd->add_option("DIR", opts->dir, "The space folder (the one with lectern.yaml)")
        ->capture_default_str();
    cmd->add_option("--format", opts->format, "Output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
