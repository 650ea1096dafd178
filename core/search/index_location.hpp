#pragma once
// Where a space's search index lives on disk.

#include <filesystem>

namespace lectern::search {

/// The folder holding the search index of the space at `space_root`: a subfolder of
/// $LECTERN_INDEX_DIR if set, else of $XDG_DATA_HOME/lectern/index, else of
/// ~/.local/share/lectern/index, named after the space folder and a hash of its full path
/// so that two spaces never share one. Throws Error(InvalidArgument) when neither
/// LECTERN_INDEX_DIR, XDG_DATA_HOME nor HOME is set.
std::filesystem::path default_index_dir(const std::filesystem::path& space_root);

}  // namespace lectern::search
