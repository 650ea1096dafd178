#include "hooks/tree_export.hpp"

#include <exception>
#include <fstream>
#include <string>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"

namespace lectern::server {

namespace {

struct ExportState {
    git_repository* repo;
    std::filesystem::path dir;
    std::exception_ptr failure;  // exceptions never cross libgit2's C frames
};

void write_file(ExportState& state, const char* root, const git_tree_entry* entry) {
    const auto mode = git_tree_entry_filemode(entry);
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return;
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, state.repo, git_tree_entry_id(entry)) < 0) {
        throw libgit2_error("reading a pushed file");
    }
    git::BlobPtr blob(raw);
    const auto file = state.dir / root / git_tree_entry_name(entry);
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(static_cast<const char*>(git_blob_rawcontent(blob.get())),
              static_cast<std::streamsize>(git_blob_rawsize(blob.get())));
    if (!out) throw Error(ErrorKind::Io, "cannot write " + file.string());
}

int write_entry(const char* root, const git_tree_entry* entry, void* payload) {
    auto& state = *static_cast<ExportState*>(payload);
    try {
        write_file(state, root, entry);
        return 0;
    } catch (...) {
        state.failure = std::current_exception();
        return -1;
    }
}

}  // namespace

void export_tree(git_repository* repo, const git_tree* tree, const std::filesystem::path& dir) {
    ExportState state{repo, dir, nullptr};
    const int rc = git_tree_walk(tree, GIT_TREEWALK_PRE, write_entry, &state);
    if (state.failure) std::rethrow_exception(state.failure);
    if (rc < 0) throw libgit2_error("exporting the pushed tree");
}

}  // namespace lectern::server
