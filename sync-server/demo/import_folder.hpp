#pragma once
// Makes a folder the first commit of a bare repository (the demo's sample content).

#include <filesystem>
#include <string>

namespace lectern::server {

/// Commits every file under `folder` (skipping .git) on refs/heads/main of the bare repository
/// at `repo`. Throws Error(Library|Io).
void import_folder(const std::filesystem::path& repo, const std::filesystem::path& folder,
                   const std::string& message);

}  // namespace lectern::server
