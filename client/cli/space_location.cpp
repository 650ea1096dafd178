#include "space_location.hpp"

#include <cstdlib>

namespace lectern::cli {

std::filesystem::path locate_space(const std::string& option) {
    if (!option.empty()) return option;
    if (const char* env = std::getenv("LECTERN_SPACE"); env && *env) return env;
    if (std::filesystem::exists("lectern.yaml")) return ".";
    // Next to the binary first (bin/../share/lectern), so an installed tree can be moved.
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto beside = exe.parent_path().parent_path() / "share" / "lectern" / "content";
        if (std::filesystem::exists(beside / "lectern.yaml", ec)) return beside;
    }
    return std::filesystem::path(LECTERN_DATA_DIR) / "content";
}

void add_space_option(CLI::App& cmd, std::string& space) {
    cmd.add_option(
        "--space", space,
        "Space folder; default: $LECTERN_SPACE, the current folder if it has lectern.yaml, "
        "else the installed sample content");
}

void add_index_option(CLI::App& cmd, std::string& index) {
    cmd.add_option("--index", index,
                   "Index folder; default: a folder per space under $LECTERN_INDEX_DIR, else "
                   "$XDG_DATA_HOME/lectern/index, else ~/.local/share/lectern/index");
}

}  // namespace lectern::cli
