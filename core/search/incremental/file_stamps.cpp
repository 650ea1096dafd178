#include "search/incremental/file_stamps.hpp"

#include <algorithm>

namespace lectern::search::incremental {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool is_index_input(std::string_view rel) {
    if (rel == "lectern.yaml" || rel == "synonyms.txt") return true;
    const auto slashes = std::count(rel.begin(), rel.end(), '/');
    const auto top = rel.substr(0, rel.find('/'));
    if (slashes == 1) {
        if (top == "procedures" || top == "scripts") return ends_with(rel, ".md");
        if (top == "quizzes") return ends_with(rel, ".md") || ends_with(rel, ".gift");
    }
    return slashes == 2 && top == "lessons" && ends_with(rel, "/lesson.md");
}

std::string file_stamp(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) return {};
    const auto mtime = fs::last_write_time(file, ec);
    if (ec) return {};
    return std::to_string(size) + ":" + std::to_string(mtime.time_since_epoch().count());
}

std::map<std::string, std::string> index_input_stamps(const fs::path& root) {
    std::map<std::string, std::string> stamps;
    // Paths under the iterator start with the root as given: cut it off instead of asking
    // fs::relative, which resolves both paths on disk for every file.
    const std::size_t root_length = (root / "").generic_string().size();
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it->is_directory(ec)) {
            // Only the folders of the content layout can hold index inputs.
            if (it.depth() >= 2 || (!name.empty() && name[0] == '.') || name == "assets") {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (it->is_symlink(ec) || !it->is_regular_file(ec)) continue;
        std::string rel = it->path().generic_string().substr(root_length);
        if (!is_index_input(rel)) continue;
        if (std::string stamp = file_stamp(it->path()); !stamp.empty())
            stamps.emplace(std::move(rel), std::move(stamp));
    }
    return stamps;
}

}  // namespace lectern::search::incremental
