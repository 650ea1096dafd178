#pragma once
// SHA-256 of files and texts, as lowercase hex (the form Git LFS pointers use).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace lectern::lesson {

/// SHA-256 of the file's bytes. Throws Error(Io) when it cannot be read.
std::string file_sha256(const std::filesystem::path& file);
std::string text_sha256(std::string_view text);

/// When `file` is a Git LFS pointer (the object not fetched yet), the SHA-256 it names.
std::optional<std::string> lfs_pointer_oid(const std::filesystem::path& file);

/// The SHA-256 of the content a file stands for: its own bytes, or the object an LFS
/// pointer names.
std::string content_sha256(const std::filesystem::path& file);

}  // namespace lectern::lesson
