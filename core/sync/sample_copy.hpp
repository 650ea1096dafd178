#pragma once
// The sample content used offline, kept as a git working tree of its own so that its documents
// have versions (blob ids at a commit) that can be signed and a history, with a local ledger
// beside it. Nothing of it goes to a server:
//
//   $XDG_DATA_HOME/lectern/sample/content   the bundled content, one commit per bundled version
//   $XDG_DATA_HOME/lectern/sample/ledger    the records signed on it (a LocalLedger)

#include <filesystem>
#include <string>
#include <string_view>

namespace lectern::sync {

/// The space name records of the sample carry.
inline constexpr std::string_view kSampleSpace = "sample";

struct SampleCopy {
    std::filesystem::path content;  ///< the working tree the app reads
    std::filesystem::path ledger;   ///< where its sign-off records go
    std::string commit;             ///< HEAD of the copy
    bool updated = false;           ///< a new commit was made (first use or a newer bundle)
};

/// $XDG_DATA_HOME/lectern/sample, else ~/.local/share/lectern/sample. Throws
/// Error(InvalidArgument) when neither XDG_DATA_HOME nor HOME is set.
std::filesystem::path sample_root();

/// Makes the copy match `bundled` (a folder with lectern.yaml): files are copied or removed
/// as needed and, when the tree differs from HEAD, committed. Run it before loading the sample;
/// a copy interrupted midway is mended by the next call. Throws Error(NotFound) when `bundled`
/// has no lectern.yaml, Error(Io) or Error(Library) when the copy cannot be written.
SampleCopy prepare_sample_copy(const std::filesystem::path& bundled);

/// True when `content_root` is the sample copy's working tree.
bool is_sample_copy(const std::filesystem::path& content_root);

}  // namespace lectern::sync
