#pragma once
// Small POSIX file operations the sync client needs to be crash-safe (internal to core/sync).

#include <filesystem>
#include <string>
#include <string_view>

namespace lectern::sync::files {

/// Writes `bytes` to `file` atomically (temporary file in the same folder, fsync, rename,
/// fsync of the folder) with permission bits `mode`. Throws Error(Io).
void write_atomically(const std::filesystem::path& file, std::string_view bytes, unsigned mode);

/// Reads the whole file into `out`; false when it does not exist. Throws Error(Io) when it
/// exists but cannot be read.
bool read_file(const std::filesystem::path& file, std::string& out);

/// fsync of a folder, so that a rename in it survives a crash. Throws Error(Io).
void sync_folder(const std::filesystem::path& folder);

/// Creates `folder` and its parents with mode 0700 for the ones it creates. Throws Error(Io).
void create_private_folders(const std::filesystem::path& folder);

/// Swaps two existing folders in one atomic step (renameat2 RENAME_EXCHANGE). Where the file
/// system cannot, falls back to two renames through `a`.old, which recover_swap() completes.
/// Throws Error(Io).
void exchange_folders(const std::filesystem::path& a, const std::filesystem::path& b);

/// Finishes a fallback swap that was interrupted between its two renames: if `a` is missing
/// and `a`.old exists, it is renamed back. Returns true when it had to.
bool recover_swap(const std::filesystem::path& a);

/// Removes a folder tree; errors are logged, not thrown (it is always a leftover).
void remove_tree_quietly(const std::filesystem::path& folder);

/// Now as "2026-03-01T14-05-09Z": a UTC time usable in a file name.
std::string utc_stamp_for_file_name();
/// Now as RFC 3339 UTC, "2026-03-01T14:05:09Z".
std::string utc_now_rfc3339();

}  // namespace lectern::sync::files
