// lectern search [--space DIR] [--type T] [--lang L] [--tag X] [--limit N] [--json] QUERY...

#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "lesson/video_info.hpp"
#include "search/space_index.hpp"
#include "space_location.hpp"

namespace lectern::cli {

namespace {

struct SearchOptions {
    std::vector<std::string> words;
    std::string space;
    std::string index;
    std::vector<std::string> types;
    std::vector<std::string> langs;
    std::vector<std::string> tags;
    std::size_t limit = 10;
    bool json = false;
    bool no_update = false;
};

void print_json(const std::string& query, const search::SearchResults& r) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : r.hits) {
        nlohmann::json hit = {{"id", h.id},       {"title", h.title},     {"type", h.type},
                              {"path", h.path},   {"lang", h.lang},       {"version", h.version},
                              {"score", h.score}, {"percent", h.percent}, {"snippet", h.snippet}};
        if (h.step >= 0)
            hit["step"] = {{"index", h.step}, {"at", h.step_at}, {"title", h.step_title}};
        hits.push_back(std::move(hit));
    }
    nlohmann::json corrections = nlohmann::json::array();
    for (const auto& c : r.corrections)
        corrections.push_back({{"typed", c.typed}, {"used", c.used}});
    const nlohmann::json out = {
        {"query", query},   {"corrected_query", r.corrected_query}, {"corrections", corrections},
        {"notes", r.notes}, {"estimated_total", r.estimated_total}, {"results", hits}};
    std::cout << out.dump(2) << '\n';
}

void print_text(const search::SearchResults& r) {
    if (!r.corrections.empty()) {
        std::cout << "Showing results for: " << r.corrected_query << "   (";
        for (std::size_t i = 0; i < r.corrections.size(); ++i) {
            std::cout << (i ? ", " : "") << "'" << r.corrections[i].typed
                      << "' is not in the index";
        }
        std::cout << ")\n\n";
    }
    std::size_t n = 0;
    for (const auto& h : r.hits) {
        std::cout << ++n << ". " << h.title << "  [" << h.id << "]\n"
                  << "   " << h.type << " · " << h.lang << " · " << h.path << " · " << h.percent
                  << "%\n";
        if (!h.snippet.empty()) std::cout << "   " << h.snippet << '\n';
        if (h.step >= 0) {
            std::cout << "   step " << h.step + 1 << " at " << lesson::format_time(h.step_at)
                      << ": " << h.step_title << '\n';
        }
        std::cout << '\n';
    }
    if (r.hits.empty()) std::cout << "No documents match.\n";
}

int run(const SearchOptions& opts) {
    search::IndexConfig config;
    config.space_root = locate_space(opts.space);
    config.index_dir = opts.index;
    search::SpaceIndex index(config);
    if (!opts.no_update) {
        const auto report = index.update();
        if (!report.rebuild_reason.empty()) {
            std::cerr << "lectern: indexed " << report.documents << " documents of "
                      << config.space_root.string() << " (" << report.rebuild_reason << ")\n";
        }
    }
    search::SearchRequest request;
    for (const auto& w : opts.words) request.query += (request.query.empty() ? "" : " ") + w;
    request.types = opts.types;
    request.langs = opts.langs;
    request.tags = opts.tags;
    request.limit = opts.limit;
    const search::SearchResults results = index.search(request);
    for (const auto& note : results.notes) std::cerr << "lectern: " << note << '\n';
    if (opts.json) {
        print_json(request.query, results);
    } else {
        print_text(results);
    }
    return results.hits.empty() ? kFindings : kOk;
}

}  // namespace

void add_search_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<SearchOptions>();
    CLI::App* cmd = app.add_subcommand("search",
                                       "Search the documents of a space. The last word is a "
                                       "prefix; \"phrases\", AND, OR, NOT, -word and\n"
                                       "filters (type:script tag:refund lang:pl) work in the "
                                       "query. Misspelled words are corrected and\n"
                                       "the output says so. Exits 1 when nothing matches.");
    cmd->add_option("QUERY", opts->words, "What to look for")->required();
    add_space_option(*cmd, opts->space);
    add_index_option(*cmd, opts->index);
    cmd->add_option("--type", opts->types,
                    "Only documents of this type (procedure, script, lesson, quiz)");
    cmd->add_option("--lang", opts->langs, "Only documents in this language (en, pl, nb…)");
    cmd->add_option("--tag", opts->tags, "Only documents with this tag");
    cmd->add_option("--limit", opts->limit, "How many results")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    cmd->add_flag("--json", opts->json, "Print the results as JSON");
    cmd->add_flag("--no-update", opts->no_update,
                  "Search the index as it is, without bringing it up to date first");
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
