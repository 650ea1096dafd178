#pragma once
// Where an agent's records for the content open in a front end are kept: the space's name (what
// records carry) and this machine's ledger clone of it.

#include <filesystem>
#include <optional>
#include <string>

namespace lectern::progress {

struct RecordPlace {
    std::string space;
    std::filesystem::path ledger;
    bool sample = false;  ///< the sample content used offline: records never leave this computer
};

/// The place for the content at `content_root`: the sample copy (sync/sample_copy.hpp), a synced
/// space or a git clone of a server's content. nullopt for any other folder (a plain folder of
/// Markdown has no versions to sign). Never throws for an unknown folder.
std::optional<RecordPlace> record_place(const std::filesystem::path& content_root);

}  // namespace lectern::progress
