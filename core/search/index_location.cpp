#include "search/index_location.hpp"

#include <cstdint>
#include <cstdlib>
#include <iomanip>
#include <sstream>

#include "common/error.hpp"

namespace lectern::search {

namespace fs = std::filesystem;

namespace {

const char* env(const char* name) {
    const char* value = std::getenv(name);
    return (value && *value) ? value : nullptr;
}

fs::path index_base() {
    if (const char* dir = env("LECTERN_INDEX_DIR")) return dir;
    if (const char* xdg = env("XDG_DATA_HOME")) return fs::path(xdg) / "lectern" / "index";
    if (const char* home = env("HOME"))
        return fs::path(home) / ".local" / "share" / "lectern" / "index";
    throw Error(ErrorKind::InvalidArgument,
                "cannot tell where to keep the search index: set XDG_DATA_HOME, HOME or "
                "LECTERN_INDEX_DIR");
}

// FNV-1a: stable across runs and platforms, unlike std::hash.
std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace

fs::path default_index_dir(const fs::path& space_root) {
    std::error_code ec;
    fs::path full = fs::weakly_canonical(fs::absolute(space_root), ec);
    if (ec) full = fs::absolute(space_root);
    std::string name = full.filename().string();
    if (name.empty() || name == "." || name == "..") name = "space";
    std::ostringstream key;
    key << name << '-' << std::hex << std::setw(16) << std::setfill('0') << fnv1a(full.string());
    return index_base() / key.str();
}

}  // namespace lectern::search
