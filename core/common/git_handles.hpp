#pragma once
// Owners of libgit2's handles. Wrap only what libgit2 hands out through an out-parameter (the
// caller owns it); never wrap borrowed return values such as git_tree_entry_byindex().
// Only .cpp files include this header: it brings in git2.h.

#include <git2.h>

#include <memory>

namespace lectern::git {

#define LECTERN_GIT_HANDLE(type, free_fn)                                 \
    struct type##_deleter {                                               \
        void operator()(::type* p) const noexcept { free_fn(p); }         \
    };                                                                    \
    using type##_ptr = std::unique_ptr<::type, type##_deleter>

LECTERN_GIT_HANDLE(git_repository, git_repository_free);
LECTERN_GIT_HANDLE(git_reference, git_reference_free);
LECTERN_GIT_HANDLE(git_object, git_object_free);
LECTERN_GIT_HANDLE(git_commit, git_commit_free);
LECTERN_GIT_HANDLE(git_tree, git_tree_free);
LECTERN_GIT_HANDLE(git_tree_entry, git_tree_entry_free);
LECTERN_GIT_HANDLE(git_blob, git_blob_free);
LECTERN_GIT_HANDLE(git_config, git_config_free);
LECTERN_GIT_HANDLE(git_remote, git_remote_free);
LECTERN_GIT_HANDLE(git_odb, git_odb_free);
LECTERN_GIT_HANDLE(git_index, git_index_free);
LECTERN_GIT_HANDLE(git_diff, git_diff_free);
LECTERN_GIT_HANDLE(git_revwalk, git_revwalk_free);
LECTERN_GIT_HANDLE(git_signature, git_signature_free);

#undef LECTERN_GIT_HANDLE

}  // namespace lectern::git
