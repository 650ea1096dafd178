#pragma once
// Writing files so that they survive a crash or a power cut once the call returns: the
// ledger says "signed" only after the record is on disk.

#include <filesystem>
#include <string>
#include <string_view>

namespace lectern::ledger::durable {

/// Writes `bytes` to `file` atomically: a temporary file in the same folder with permission
/// bits `mode`, fsync, rename over `file`, fsync of the folder. Creates missing folders with
/// mode 0700. Throws Error(Io) naming the file.
void write_file(const std::filesystem::path& file, std::string_view bytes, unsigned mode);

/// fsync of an existing file or folder. Throws Error(Io) naming it.
void sync_path(const std::filesystem::path& path);

/// Creates `folder` and its missing parents with mode 0700. Throws Error(Io).
void create_private_folders(const std::filesystem::path& folder);

/// The whole content of `file`, or false when it does not exist. Throws Error(Io).
bool read_file(const std::filesystem::path& file, std::string& out);

}  // namespace lectern::ledger::durable
