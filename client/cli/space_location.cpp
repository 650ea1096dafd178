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

}  // namespace lectern::cli
