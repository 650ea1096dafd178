#pragma once
// Moves an agent's local edits out of the way of a sync, without losing them (internal).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sync/space_sync.hpp"
#include "sync/working_tree.hpp"

namespace lectern::sync {

/// Copies every edited or new file of `tree` into a new folder under `set_aside_root` named
/// with the date and time (deleted files are listed in its DELETED.txt), and flushes it to
/// disk. Nothing happens to `tree`. Returns nullopt when `edits` is empty. Throws Error(Io).
std::optional<SetAsideEdits> set_aside_edits(const WorkingTree& tree,
                                             const std::vector<LocalEdit>& edits,
                                             const std::filesystem::path& set_aside_root);

}  // namespace lectern::sync
