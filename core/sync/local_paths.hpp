#pragma once
// Where the sync client keeps each space on this machine.
//
//   $XDG_DATA_HOME/lectern/spaces/<space>/      (default ~/.local/share/lectern/spaces/<space>)
//     content/        the working tree of the last synced commit: what the app reads
//     content.git/    the fetched repository (bare): objects and remote-tracking refs
//     content.next/   the spare tree where the next commit is checked out before the swap
//     set-aside/      agents' local edits moved out of the way by a sync, one folder per sync
//     lfs/            Git LFS objects by sha256 (lfs/objects/ab/cd/<oid>), partial downloads
//     ledger/         the clone of the space's ledger.git (sign-off records)
//     sync-state.json what the last sync did (for `lectern status`)

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::sync {

/// The folders of one space.
struct SpacePaths {
    std::filesystem::path root;
    std::filesystem::path content;
    std::filesystem::path repository;
    std::filesystem::path next;
    std::filesystem::path set_aside;
    std::filesystem::path lfs;
    std::filesystem::path ledger;
    std::filesystem::path state_file;
};

/// $XDG_DATA_HOME/lectern/spaces, else ~/.local/share/lectern/spaces. Throws
/// Error(InvalidArgument) when neither XDG_DATA_HOME nor HOME is set.
std::filesystem::path spaces_root();

/// True for names a server may give a space: lowercase letters, digits, '-', '_' and '.',
/// starting with a letter or digit, at most 64 characters (never "..", never a slash).
bool is_valid_space_name(std::string_view space);

/// The folders of `space` under spaces_root(). Throws Error(InvalidArgument) for a name that
/// is not a valid space name (so a hostile server cannot make us write elsewhere).
SpacePaths space_paths(std::string_view space);

/// The spaces that have been synced to this machine at least once (have a content tree).
std::vector<std::string> synced_spaces();

/// The space whose content tree `folder` is, if it is one.
std::optional<std::string> space_of_content_folder(const std::filesystem::path& folder);

}  // namespace lectern::sync
