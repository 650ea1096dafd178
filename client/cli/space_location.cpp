#include "space_location.hpp"

#include <cstdlib>

namespace lectern::cli {

std::filesystem::path locate_space(const std::string& option) {
    if (!option.empty()) return option;
    if (const char* env = std::getenv("LECTERN_SPACE"); env && *env) return env;
    if (std::filesystem::exists("lectern.yaml")) return ".";
    return std::filesystem::path(LECTERN_DATA_DIR) / "content";
}

}  // namespace lectern::cli
