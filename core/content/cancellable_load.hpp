#pragma once
// Reading a whole space with a way to stop: a window that closes while it checks a large
// space, or a search index rebuild that is cancelled, need not wait for every file.

#include <filesystem>
#include <optional>

#include "common/cancel_token.hpp"
#include "common/diagnostic.hpp"
#include "content/space.hpp"

namespace lectern::content {

/// Space::load() that stops at the next file once `cancel` is set: nullopt then, and `out`
/// holds the problems of what was read. Throws like Space::load().
std::optional<Space> load_space(const std::filesystem::path& root, Diagnostics& out,
                                const CancelToken& cancel);

}  // namespace lectern::content
