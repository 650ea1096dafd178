#include "sync/set_aside.hpp"

#include <unistd.h>

#include "common/error.hpp"
#include "sync/file_ops.hpp"

namespace lectern::sync {

namespace fs = std::filesystem;

std::optional<SetAsideEdits> set_aside_edits(const WorkingTree& tree,
                                             const std::vector<LocalEdit>& edits,
                                             const fs::path& set_aside_root) {
    if (edits.empty()) return std::nullopt;
    files::create_private_folders(set_aside_root);
    SetAsideEdits out;
    // Two syncs in one second get two folders.
    const std::string stamp = files::utc_stamp_for_file_name();
    out.folder = set_aside_root / stamp;
    for (int n = 2; fs::exists(out.folder); ++n)
        out.folder = set_aside_root / (stamp + "-" + std::to_string(n));
    fs::create_directories(out.folder);
    std::string deleted_list;
    for (const auto& e : edits) {
        if (e.deleted) {
            out.deleted.push_back(e.path);
            deleted_list += e.path + "\n";
            continue;
        }
        const fs::path from = tree.folder() / e.path;
        const fs::path to = out.folder / e.path;
        std::error_code ec;
        fs::create_directories(to.parent_path(), ec);
        // copy_symlinks: an agent's link is kept as a link, never followed out of the tree.
        if (!ec) fs::copy(from, to, fs::copy_options::copy_symlinks, ec);
        if (ec)
            throw Error(ErrorKind::Io, "cannot set aside " + from.string() + ": " + ec.message());
        out.files.push_back(e.path);
    }
    if (!deleted_list.empty())
        files::write_atomically(
            out.folder / "DELETED.txt",
            "Files deleted in the local copy before this sync:\n" + deleted_list, 0644);
    ::sync();
    return out;
}

}  // namespace lectern::sync
