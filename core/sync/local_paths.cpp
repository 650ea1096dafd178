#include "sync/local_paths.hpp"

#include <algorithm>
#include <cstdlib>

#include "common/error.hpp"

namespace lectern::sync {

namespace fs = std::filesystem;

namespace {

const char* env(const char* name) {
    const char* value = std::getenv(name);
    return (value && *value) ? value : nullptr;
}

}  // namespace

fs::path spaces_root() {
    if (const char* xdg = env("XDG_DATA_HOME")) return fs::path(xdg) / "lectern" / "spaces";
    if (const char* home = env("HOME"))
        return fs::path(home) / ".local" / "share" / "lectern" / "spaces";
    throw Error(ErrorKind::InvalidArgument,
                "cannot tell where to keep synced spaces: set XDG_DATA_HOME or HOME");
}

bool is_valid_space_name(std::string_view space) {
    if (space.empty() || space.size() > 64) return false;
    const auto lower_or_digit = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    if (!lower_or_digit(space.front())) return false;
    return std::all_of(space.begin(), space.end(), [&](char c) {
        return lower_or_digit(c) || c == '-' || c == '_' || c == '.';
    });
}

SpacePaths space_paths(std::string_view space) {
    if (!is_valid_space_name(space)) {
        throw Error(ErrorKind::InvalidArgument,
                    "'" + std::string(space) +
                        "' is not a space name (lowercase letters, digits, '-', '_', '.')");
    }
    SpacePaths p;
    p.root = spaces_root() / std::string(space);
    p.content = p.root / "content";
    p.repository = p.root / "content.git";
    p.next = p.root / "content.next";
    p.set_aside = p.root / "set-aside";
    p.lfs = p.root / "lfs";
    p.ledger = p.root / "ledger";
    p.state_file = p.root / "sync-state.json";
    return p;
}

std::vector<std::string> synced_spaces() {
    std::vector<std::string> out;
    std::error_code ec;
    const fs::path root = spaces_root();
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (is_valid_space_name(name) && fs::is_directory(it->path() / "content" / ".git", ec))
            out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<std::string> space_of_content_folder(const fs::path& folder) {
    std::error_code ec;
    const fs::path full = fs::weakly_canonical(fs::absolute(folder), ec);
    if (ec || full.filename() != "content") return std::nullopt;
    const fs::path root = fs::weakly_canonical(spaces_root(), ec);
    if (ec || full.parent_path().parent_path() != root) return std::nullopt;
    const std::string space = full.parent_path().filename().string();
    if (!is_valid_space_name(space)) return std::nullopt;
    return space;
}

}  // namespace lectern::sync
