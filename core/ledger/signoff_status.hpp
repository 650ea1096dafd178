#pragma once
// Where each agent stands with each procedure that asks for a sign-off: unsigned, signed (which
// version, when), or needs re-sign because a newer substantive version exists. A version
// published with the commit trailer `Lectern-Change: minor` keeps earlier sign-offs valid;
// the status still lists every minor change since the version signed.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/history.hpp"
#include "ledger/local_ledger.hpp"

namespace lectern::content {
class Space;
}

namespace lectern::ledger {

enum class SignoffState { Unsigned, Signed, NeedsResign };

/// "unsigned", "signed", "needs-resign" (the words of `lectern signoffs --status`).
std::string_view to_string(SignoffState state);
std::optional<SignoffState> parse_signoff_state(std::string_view text);

/// One agent and one document.
struct SignoffStatus {
    std::string agent;
    std::string document_id;
    std::string path;
    std::string title;
    bool required = false;  ///< front matter `signoff: required` (else optional)
    std::string current_blob;
    std::string current_commit;  ///< the commit that made the current version
    SignoffState state = SignoffState::Unsigned;
    /// The sign-off that counts (the one of the newest version the agent signed).
    std::optional<StoredRecord> signoff;
    /// The commit that made the version signed, and its time (RFC 3339), when it is in the
    /// document's history.
    std::optional<content::DocumentVersion> signed_version;
    /// Versions after the one signed, newest first: all minor when state is Signed, at least
    /// one substantive when NeedsResign.
    std::vector<content::DocumentVersion> changes_since;
};

/// The status of every procedure of `space` that asks for a sign-off (required or optional),
/// for each of `agents`, from the sign-off `records` (other kinds and other spaces are
/// ignored). `repository` is the git repository of the space's content, read from its HEAD.
/// Sorted by agent, then document path.
std::vector<SignoffStatus> signoff_statuses(const content::Space& space,
                                            const content::ContentRepository& repository,
                                            std::string_view space_name,
                                            const std::vector<StoredRecord>& records,
                                            const std::vector<std::string>& agents);

/// Every record in the local ledger clone: the device branches (refs/heads/agents/…) and the
/// branches fetched from the server (refs/remotes/origin/agents/…), each record once (the same
/// record on both is the same id). Only branches of `agent` when it is not empty.
std::vector<StoredRecord> ledger_records(const LocalLedger& ledger, std::string_view agent = {});

}  // namespace lectern::ledger
