#pragma once
// libgit2 set-up and error translation shared by every subsystem that uses it.

#include <filesystem>
#include <string_view>

#include "common/error.hpp"
#include "common/git_handles.hpp"

namespace lectern {

/// Initialises libgit2 once per process. It is never shut down: libgit2 objects may live in
/// statics until exit, and git_libgit2_shutdown() before them would free what they use.
void ensure_libgit2();

/// An Error(Library) for the last libgit2 failure on this thread, saying what we were doing.
Error libgit2_error(std::string_view doing);

/// The repository (bare or with a work tree) exactly at `path`, never a parent folder's.
/// Throws libgit2_error("opening <path>") when there is none.
git::RepositoryPtr open_repository(const std::filesystem::path& path);

}  // namespace lectern
