// libgit2's side of the sync benchmark: a fetch through core/sync (the code `lectern sync`
// uses) followed by a fast-forward of the work tree, or a first clone, timed, with the bytes
// libgit2 says it received. The token comes from LECTERN_BENCH_TOKEN. Not a test.
//
//   lectern_libgit2_fetch fetch|clone DIR URL USER
// prints: seconds received_bytes received_objects

#include <git2.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/git_handles.hpp"
#include "common/libgit2.hpp"
#include "sync/git_transfer.hpp"

namespace {

using namespace lectern;

void check(int rc, const char* doing) {
    if (rc < 0) throw libgit2_error(doing);
}

git::TreePtr tree_of(git_repository* repo, const git_oid& commit_id) {
    git_commit* commit = nullptr;
    check(git_commit_lookup(&commit, repo, &commit_id), "looking up a commit");
    git::CommitPtr owned(commit);
    git_tree* tree = nullptr;
    check(git_commit_tree(&tree, commit), "reading a commit's tree");
    return git::TreePtr(tree);
}

/// Moves refs/heads/main and the work tree to refs/remotes/origin/main, as `git merge
/// --ff-only` would after a fetch (or as the checkout of a clone). As git does with its index,
/// only the files that differ between the two commits are looked at: a checkout of the whole
/// tree stats every file of the work tree (about a second at 50,000 documents).
void fast_forward(git_repository* repo, bool first) {
    git_oid target;
    check(git_reference_name_to_id(&target, repo, "refs/remotes/origin/main"), "origin/main");
    git_object* raw = nullptr;
    check(git_object_lookup(&raw, repo, &target, GIT_OBJECT_COMMIT), "looking up origin/main");
    git::ObjectPtr commit(raw);
    git_checkout_options opts = GIT_CHECKOUT_OPTIONS_INIT;
    opts.checkout_strategy = first ? GIT_CHECKOUT_FORCE : GIT_CHECKOUT_SAFE;
    std::vector<std::string> changed;
    std::vector<char*> pathspec;
    if (!first) {
        git_oid head;
        check(git_reference_name_to_id(&head, repo, "HEAD"), "reading HEAD");
        if (git_oid_equal(&head, &target)) return;  // already there: nothing to touch
        const git::TreePtr from = tree_of(repo, head);
        const git::TreePtr to = tree_of(repo, target);
        git_diff* diff = nullptr;
        check(git_diff_tree_to_tree(&diff, repo, from.get(), to.get(), nullptr), "diffing");
        git::DiffPtr owned_diff(diff);
        for (std::size_t i = 0; i < git_diff_num_deltas(diff); ++i) {
            const git_diff_delta* d = git_diff_get_delta(diff, i);
            changed.emplace_back(d->old_file.path);
            if (std::strcmp(d->old_file.path, d->new_file.path) != 0)
                changed.emplace_back(d->new_file.path);
        }
        for (auto& p : changed) pathspec.push_back(p.data());
        opts.paths = {pathspec.data(), pathspec.size()};
        opts.checkout_strategy |= GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH;
    }
    if (first || !changed.empty())
        check(git_checkout_tree(repo, commit.get(), &opts), "checking out");
    git_reference* ref = nullptr;
    check(git_reference_create(&ref, repo, "refs/heads/main", &target, 1, "fast-forward"),
          "moving main");
    git::ReferencePtr owned(ref);
    if (first) check(git_repository_set_head(repo, "refs/heads/main"), "setting HEAD");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: lectern_libgit2_fetch fetch|clone DIR URL USER\n";
        return 2;
    }
    const std::string mode = argv[1];
    const std::filesystem::path dir = argv[2];
    const char* token = std::getenv("LECTERN_BENCH_TOKEN");
    try {
        ensure_libgit2();
        const auto start = std::chrono::steady_clock::now();
        git_repository* raw = nullptr;
        if (mode == "clone") {
            check(git_repository_init(&raw, dir.c_str(), 0), "creating the clone");
        } else {
            check(git_repository_open(&raw, dir.c_str()), "opening the clone");
        }
        git::RepositoryPtr repo(raw);
        sync::FetchOptions options;
        options.url = argv[3];
        options.credentials = {argv[4], token ? token : ""};
        const sync::FetchResult fetched = sync::fetch(dir, options);
        if (!fetched.ok()) {
            std::cerr << fetched.failure->message << '\n';
            return 1;
        }
        fast_forward(repo.get(), mode == "clone");
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << seconds << ' ' << fetched.received_bytes << ' ' << fetched.received_objects
                  << '\n';
        return 0;
    } catch (const Error& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
}
