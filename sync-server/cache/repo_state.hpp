#pragma once
// A digest of everything in a bare repository that can change what upload-pack answers to
// the same request: every ref (HEAD, packed-refs, each loose ref) and the repository's config.
// Objects are not in it: they are only ever added, and an answer names its objects by id.

#include <filesystem>
#include <string>

namespace lectern::server {

/// 32 raw bytes; any change of any ref, or of the config, changes them. Reads files only (no
/// git process). Throws Error(Io) if the repository cannot be read.
std::string repo_state_digest(const std::filesystem::path& repo);

}  // namespace lectern::server
