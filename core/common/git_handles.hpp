#pragma once
// Owners of libgit2 handles: one std::unique_ptr alias with a deleter per type, all here.
// Wrap only what libgit2 hands you through an out-parameter (you own it); never wrap a
// borrowed return value such as git_tree_entry_byname() (libgit2's docs/conventions.md).

#include <memory>

#include <git2.h>

namespace lectern::git {

namespace detail {
template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const noexcept { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;
}  // namespace detail

using RepositoryPtr = detail::Owned<git_repository, git_repository_free>;
using ObjectPtr = detail::Owned<git_object, git_object_free>;
using CommitPtr = detail::Owned<git_commit, git_commit_free>;
using TreePtr = detail::Owned<git_tree, git_tree_free>;
using TreeEntryPtr = detail::Owned<git_tree_entry, git_tree_entry_free>;
using DiffPtr = detail::Owned<git_diff, git_diff_free>;
using ReferencePtr = detail::Owned<git_reference, git_reference_free>;
using StatusListPtr = detail::Owned<git_status_list, git_status_list_free>;
using BlobPtr = detail::Owned<git_blob, git_blob_free>;
using ConfigPtr = detail::Owned<git_config, git_config_free>;
using IndexPtr = detail::Owned<git_index, git_index_free>;
using SignaturePtr = detail::Owned<git_signature, git_signature_free>;
using RemotePtr = detail::Owned<git_remote, git_remote_free>;
using OdbPtr = detail::Owned<git_odb, git_odb_free>;
using RevwalkPtr = detail::Owned<git_revwalk, git_revwalk_free>;
using AnnotatedCommitPtr = detail::Owned<git_annotated_commit, git_annotated_commit_free>;
using TreeBuilderPtr = detail::Owned<git_treebuilder, git_treebuilder_free>;

}  // namespace lectern::git
