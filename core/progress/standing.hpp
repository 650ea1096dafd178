#pragma once
// What one agent has done in one space, as this machine's ledger records it: which procedures
// are signed (or need signing again), which quizzes passed, which lessons completed. Front ends
// read it to draw badges, path progress and the summary after a sync.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/local_ledger.hpp"
#include "ledger/signoff_status.hpp"
#include "progress/record_place.hpp"
#include "quiz/gating.hpp"

namespace lectern::content {
class Space;
class ContentRepository;
struct Document;
}  // namespace lectern::content

namespace lectern::progress {

struct Standing {
    std::string agent;
    /// Every procedure asking for a sign-off, by document id.
    std::map<std::string, ledger::SignoffState> signoffs;
    /// Quizzes with a passed attempt on their current version, by id.
    std::set<std::string> quizzes_passed;
    /// Lessons with a completion record (of any version), by id.
    std::set<std::string> lessons_completed;
    /// The id of the sign-off record that counts, by document id (signed or needing re-sign).
    std::map<std::string, std::string> signoff_records;
    /// Ids of the agent's records this machine has not seen on the server yet (no
    /// remote-tracking branch holds them): queued for the next sync.
    std::set<std::string> waiting;
    /// Every recorded quiz attempt of the agent: what quiz::signoff_refusal() needs.
    std::vector<quiz::AttemptOutcome> attempts;
};

/// The standing of `agent` from `records` (this machine's ledger: ledger::ledger_records()).
/// `repository` is the space's content repository, read from its HEAD.
Standing standing_from(const content::Space& space, const content::ContentRepository& repository,
                       std::string_view space_name,
                       const std::vector<ledger::StoredRecord>& records, std::string_view agent);

/// The standing of `agent` in the space loaded from a git working tree at space.root(), from
/// the ledger clone of `place` (none yet: nothing signed). Without a repository there are no
/// versions to sign, so no sign-offs are listed. Throws Error(Library) or Error(InvalidContent)
/// when the ledger or the repository cannot be read.
Standing read_standing(const content::Space& space, const RecordPlace& place,
                       std::string_view agent);

/// True when the sign-off that counts for `document_id` has not reached the server yet.
bool signoff_queued(const Standing& standing, const std::string& document_id);

/// The badges the library shows after a document's title.
struct Badges {
    bool unsigned_ = false;     ///< a required sign-off the agent has not given
    bool needs_resign = false;  ///< signed, but a substantive newer version exists
    bool stale = false;         ///< past its review_by date
};

/// The badges of `doc` for this standing on `today` (YYYY-MM-DD).
Badges badges_of(const content::Document& doc, const Standing& standing, std::string_view today);

}  // namespace lectern::progress
