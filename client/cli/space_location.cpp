#include "space_location.hpp"

#include <cstdlib>

#include "sync/local_paths.hpp"

namespace lectern::cli {

std::filesystem::path locate_space(const std::string& option) {
    if (!option.empty()) {
        // A space name synced with `lectern sync` (unless a folder of that name is here).
        std::error_code ec;
        if (!std::filesystem::exists(option, ec) && sync::is_valid_space_name(option)) {
            const auto synced = sync::space_paths(option).content;
            if (std::filesystem::exists(synced / ".git", ec)) return synced;
        }
        return option;
    }
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
        "Space folder, or the name of a space synced with lectern sync; default: "
        "$LECTERN_SPACE, the current folder if it has lectern.yaml, else the installed sample "
        "content");
}

void add_index_option(CLI::App& cmd, std::string& index) {
    cmd.add_option("--index", index,
                   "Index folder; default: a folder per space under $LECTERN_INDEX_DIR, else "
                   "$XDG_DATA_HOME/lectern/index, else ~/.local/share/lectern/index");
}

}  // namespace lectern::cli
