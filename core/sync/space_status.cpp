#include "sync/space_status.hpp"

#include <git2.h>

#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "sync/lfs.hpp"
#include "sync/local_paths.hpp"
#include "sync/working_tree.hpp"

namespace lectern::sync {

namespace fs = std::filesystem;

namespace {

std::size_t commits_not_pushed(const fs::path& clone) {
    const git::RepositoryPtr repo = open_repository(clone);
    git_branch_iterator* raw_it = nullptr;
    if (git_branch_iterator_new(&raw_it, repo.get(), GIT_BRANCH_LOCAL) != 0)
        throw libgit2_error("listing the branches of " + clone.string());
    std::unique_ptr<git_branch_iterator, decltype(&git_branch_iterator_free)> it(
        raw_it, git_branch_iterator_free);
    std::size_t waiting = 0;
    git_reference* raw_ref = nullptr;
    git_branch_t type;
    while (git_branch_next(&raw_ref, &type, it.get()) == 0) {
        git::ReferencePtr ref(raw_ref);
        const git_oid* local = git_reference_target(ref.get());
        if (!local) continue;
        const std::string name = git_reference_name(ref.get());
        const std::string tracking =
            "refs/remotes/origin/" + name.substr(std::string("refs/heads/").size());
        git_revwalk* raw_walk = nullptr;
        if (git_revwalk_new(&raw_walk, repo.get()) != 0) throw libgit2_error("walking " + name);
        git::RevwalkPtr walk(raw_walk);
        git_revwalk_push(walk.get(), local);
        git_oid remote;
        if (git_reference_name_to_id(&remote, repo.get(), tracking.c_str()) == 0)
            git_revwalk_hide(walk.get(), &remote);
        git_oid oid;
        while (git_revwalk_next(&oid, walk.get()) == 0) ++waiting;
    }
    return waiting;
}

}  // namespace

SpaceStatus space_status(std::string_view space) {
    const SpacePaths paths = space_paths(space);
    SpaceStatus s;
    s.space = std::string(space);
    s.last = read_sync_state(paths.state_file);
    if (auto tree = WorkingTree::open(paths.content)) {
        s.synced = true;
        s.commit = tree->head_commit();
        for (const auto& p : lfs_pointers_in(paths.content)) {
            if (cached_lfs_object(space, p)) {
                ++s.lfs_cached;
            } else {
                ++s.lfs_missing;
            }
        }
    }
    std::error_code ec;
    if (fs::exists(paths.ledger / ".git", ec) || fs::exists(paths.ledger / "HEAD", ec))
        s.ledger_waiting = commits_not_pushed(paths.ledger);
    for (fs::directory_iterator it(paths.set_aside, ec), end; !ec && it != end; it.increment(ec))
        ++s.set_aside_folders;
    return s;
}

}  // namespace lectern::sync
