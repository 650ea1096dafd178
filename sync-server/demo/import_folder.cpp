#include "demo/import_folder.hpp"

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"

namespace lectern::server {

void import_folder(const std::filesystem::path& repo_path, const std::filesystem::path& folder,
                   const std::string& message) {
    ensure_libgit2();
    git_repository* raw_repo = nullptr;
    if (git_repository_open_bare(&raw_repo, repo_path.c_str()) < 0)
        throw libgit2_error("opening " + repo_path.string());
    git::RepositoryPtr repo(raw_repo);
    git_index* raw_index = nullptr;
    if (git_index_new(&raw_index) < 0) throw libgit2_error("creating an index");
    git::IndexPtr index(raw_index);

    for (auto it = std::filesystem::recursive_directory_iterator(folder);
         it != std::filesystem::end(it); ++it) {
        if (it->path().filename() == ".git") {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file()) continue;
        git_oid blob;
        if (git_blob_create_from_disk(&blob, repo.get(), it->path().c_str()) < 0) {
            throw libgit2_error("storing " + it->path().string());
        }
        const std::string rel = it->path().lexically_relative(folder).generic_string();
        git_index_entry entry{};
        entry.mode = GIT_FILEMODE_BLOB;
        entry.id = blob;
        entry.path = rel.c_str();
        if (git_index_add(index.get(), &entry) < 0) throw libgit2_error("adding " + rel);
    }
    git_oid tree_id;
    if (git_index_write_tree_to(&tree_id, index.get(), repo.get()) < 0)
        throw libgit2_error("writing a tree");
    git_tree* raw_tree = nullptr;
    if (git_tree_lookup(&raw_tree, repo.get(), &tree_id) < 0) throw libgit2_error("reading a tree");
    git::TreePtr tree(raw_tree);
    git_signature* raw_sig = nullptr;
    if (git_signature_now(&raw_sig, "lectern-server", "lectern-server@localhost") < 0) {
        throw libgit2_error("making a signature");
    }
    git::SignaturePtr sig(raw_sig);
    git_oid commit;
    if (git_commit_create(&commit, repo.get(), "refs/heads/main", sig.get(), sig.get(), nullptr,
                          message.c_str(), tree.get(), 0, nullptr) < 0) {
        throw libgit2_error("committing the demo content");
    }
}

}  // namespace lectern::server
