#include "sync/sample_copy.hpp"

#include <fstream>
#include <iterator>
#include <set>

#include <git2.h>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "sync/local_paths.hpp"

namespace lectern::sync {

namespace fs = std::filesystem;

namespace {

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, "cannot read " + file.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
        throw Error(ErrorKind::Io, "cannot write " + file.string() + ": is the disk full?");
}

bool is_git_folder(const fs::path& relative) {
    return !relative.empty() && *relative.begin() == ".git";
}

// Copies what differs and removes what the bundle no longer has; .git is left alone.
void mirror(const fs::path& from, const fs::path& to) {
    std::set<fs::path> wanted;
    for (const auto& entry : fs::recursive_directory_iterator(from)) {
        const fs::path relative = entry.path().lexically_relative(from);
        if (is_git_folder(relative) || !entry.is_regular_file()) continue;
        wanted.insert(relative);
        const fs::path target = to / relative;
        const std::string bytes = read_bytes(entry.path());
        std::error_code ec;
        if (fs::is_regular_file(target, ec) && read_bytes(target) == bytes) continue;
        write_bytes(target, bytes);
    }
    std::vector<fs::path> stale;
    for (const auto& entry : fs::recursive_directory_iterator(to)) {
        const fs::path relative = entry.path().lexically_relative(to);
        if (is_git_folder(relative)) continue;
        if (!entry.is_directory() && !wanted.contains(relative)) stale.push_back(entry.path());
    }
    for (const auto& file : stale) fs::remove(file);
}

git::RepositoryPtr open_or_init(const fs::path& folder) {
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, folder.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) == 0)
        return git::RepositoryPtr(raw);
    if (git_repository_init(&raw, folder.c_str(), 0) != 0)
        throw libgit2_error("making the sample content's repository in " + folder.string());
    return git::RepositoryPtr(raw);
}

// Stages the whole tree (additions, edits and removals) and commits it when it differs from
// HEAD's. Returns HEAD and whether a commit was made.
std::pair<std::string, bool> commit_tree(git_repository* repo) {
    git_index* raw_index = nullptr;
    if (git_repository_index(&raw_index, repo) != 0) throw libgit2_error("opening the index");
    const git::IndexPtr index(raw_index);
    if (git_index_add_all(index.get(), nullptr, GIT_INDEX_ADD_FORCE, nullptr, nullptr) != 0 ||
        git_index_update_all(index.get(), nullptr, nullptr, nullptr) != 0 ||
        git_index_write(index.get()) != 0)
        throw libgit2_error("staging the sample content");
    git_oid tree_id;
    if (git_index_write_tree(&tree_id, index.get()) != 0)
        throw libgit2_error("writing the sample content's tree");

    git_commit* raw_parent = nullptr;
    git_oid head_id;
    const bool has_head = git_reference_name_to_id(&head_id, repo, "HEAD") == 0;
    if (has_head && git_commit_lookup(&raw_parent, repo, &head_id) != 0)
        throw libgit2_error("reading the sample content's last commit");
    const git::CommitPtr parent(raw_parent);
    if (parent && git_oid_equal(git_commit_tree_id(parent.get()), &tree_id))
        return {git_oid_tostr_s(&head_id), false};

    git_tree* raw_tree = nullptr;
    if (git_tree_lookup(&raw_tree, repo, &tree_id) != 0) throw libgit2_error("reading a tree");
    const git::TreePtr tree(raw_tree);
    git_signature* raw_sig = nullptr;
    if (git_signature_now(&raw_sig, "Lectern", "lectern@localhost") != 0)
        throw libgit2_error("making a commit signature");
    const git::SignaturePtr sig(raw_sig);
    const git_commit* parents[] = {parent.get()};
    git_oid commit_id;
    if (git_commit_create(&commit_id, repo, "HEAD", sig.get(), sig.get(), nullptr,
                          "Sample content bundled with Lectern\n", tree.get(), parent ? 1 : 0,
                          parents) != 0)
        throw libgit2_error("committing the sample content");
    return {git_oid_tostr_s(&commit_id), true};
}

}  // namespace

fs::path sample_root() {
    return spaces_root().parent_path() / "sample";
}

SampleCopy prepare_sample_copy(const fs::path& bundled) {
    std::error_code ec;
    if (!fs::is_regular_file(bundled / "lectern.yaml", ec))
        throw Error(ErrorKind::NotFound, "no sample content at " + bundled.string() +
                                             " (lectern.yaml is missing): reinstall Lectern");
    ensure_libgit2();
    SampleCopy copy;
    copy.content = sample_root() / "content";
    copy.ledger = sample_root() / "ledger";
    fs::create_directories(copy.content);
    try {
        mirror(bundled, copy.content);
    } catch (const fs::filesystem_error& e) {
        throw Error(ErrorKind::Io,
                    "cannot copy the sample content to " + copy.content.string() + ": " + e.what());
    }
    const auto repo = open_or_init(copy.content);
    std::tie(copy.commit, copy.updated) = commit_tree(repo.get());
    return copy;
}

bool is_sample_copy(const fs::path& content_root) {
    fs::path root;
    try {
        root = sample_root();
    } catch (const Error&) {
        return false;  // no data folder known: there is no copy
    }
    std::error_code ec;
    const fs::path mine = fs::weakly_canonical(root / "content", ec);
    if (ec) return false;
    const fs::path other = fs::weakly_canonical(content_root, ec);
    return !ec && mine == other;
}

}  // namespace lectern::sync
