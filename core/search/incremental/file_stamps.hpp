#pragma once
// What changed in a space that is a plain folder: files whose size or modification time
// differ from when they were indexed (internal to core/search).

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace lectern::search::incremental {

/// True for paths (relative to the space root, '/' separators) whose file can change the
/// index: documents in the layout of docs/content-format.md, lectern.yaml, synonyms.txt.
bool is_index_input(std::string_view relative_path);

/// "size:mtime" of a file, or empty when it cannot be read.
std::string file_stamp(const std::filesystem::path& file);

/// The stamp of every index input of the space, by relative path. Hidden folders (.git)
/// and assets/ are skipped.
std::map<std::string, std::string> index_input_stamps(const std::filesystem::path& space_root);

}  // namespace lectern::search::incremental
