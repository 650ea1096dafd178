// Writes a generated content repository's files, or changes some of them, for the sync
// benchmark (bench/sync_bench.py). Not a test.
//
//   lectern_corpus_tool write DIR DOCUMENTS
//   lectern_corpus_tool touch DIR COUNT SEED     (prints the changed paths)

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include "corpus_generator.hpp"
#include "render/markdown.hpp"

namespace {

namespace fs = std::filesystem;

/// Two steps of a generated script can get the same title, which lint refuses: number the
/// repeats.
std::string unique_step_titles(const std::string& text) {
    std::istringstream lines(text);
    std::set<std::string> seen;
    std::string line, out;
    while (std::getline(lines, line)) {
        if (line.rfind("## ", 0) == 0) {
            const std::string title = line;
            for (int n = 2; !seen.insert(line).second; ++n) line = title + " " + std::to_string(n);
        }
        out += line + '\n';
    }
    return out;
}

/// The generator writes call scripts whose steps nothing leads to, which the server's lint
/// refuses: give each script's first step a choice leading to every other step.
void link_script_steps(const fs::path& root) {
    for (const auto& entry : fs::directory_iterator(root / "scripts")) {
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string text = unique_step_titles(
            std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
        const auto body_at = text.find("\n---\n", 4);
        if (body_at == std::string::npos) continue;
        const std::size_t body_start = body_at + 5;
        const auto headings = lectern::render::outline(text.substr(body_start)).headings;
        std::string choices;
        int first_line = 0;
        for (const auto& h : headings) {
            if (h.level != 2) continue;
            if (first_line == 0) {
                first_line = h.line;
                continue;
            }
            choices += "- [" + h.text + "](#" + h.anchor + ")\n";
        }
        if (choices.empty()) continue;
        // After the first step's heading line.
        std::size_t at = body_start;
        for (int line = 1; line <= first_line; ++line) at = text.find('\n', at) + 1;
        std::ofstream(entry.path(), std::ios::binary) << text.substr(0, at) << '\n'
                                                      << choices << '\n'
                                                      << text.substr(at);
    }
}

}  // namespace

int main(int argc, char** argv) {
    using namespace lectern::bench;
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "write" && argc == 4) {
        write_corpus(argv[2], CorpusOptions{std::strtoull(argv[3], nullptr, 10), 42});
        link_script_steps(argv[2]);
        return 0;
    }
    if (mode == "touch" && argc == 5) {
        for (const auto& path : touch_documents(argv[2], std::strtoull(argv[3], nullptr, 10),
                                                std::strtoull(argv[4], nullptr, 10)))
            std::cout << path << '\n';
        return 0;
    }
    std::cerr << "usage: lectern_corpus_tool write DIR DOCUMENTS | touch DIR COUNT SEED\n";
    return 2;
}
