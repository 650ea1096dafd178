#pragma once
// `lectern lint`: every problem of a space in one run.

#include <filesystem>

#include "common/diagnostic.hpp"
#include "content/space.hpp"

namespace lectern::content {

/// Checks the bodies of a loaded space: links to documents and sections that do not exist,
/// and call scripts whose choices lead nowhere or whose steps nothing reaches.
void lint_bodies(const Space& space, Diagnostics& out);

/// Loads the space at `root` and lints it; the diagnostics come sorted by file and line.
/// Throws Error(NotFound) when `root` is not a folder.
Diagnostics lint_space(const std::filesystem::path& root);

}  // namespace lectern::content
