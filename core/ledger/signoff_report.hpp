#pragma once
// `lectern report`: who signed which version when, who has not, who must sign again; per agent
// and per document, with the server's receipt time for each sign-off and every change marked
// minor with its word diff (so the mark cannot hide a real change). As CSV, JSON or PDF.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/history.hpp"
#include "ledger/signoff_status.hpp"

namespace lectern::ledger {

/// A change marked minor, with what it changed.
struct MinorChange {
    content::DocumentVersion version;
    std::string previous_blob;  ///< the version before it
    std::string word_diff;      ///< [-deleted-]{+inserted+} of the whole file
};

struct SignoffReport {
    std::string space;
    std::string content_commit;
    std::string generated_at;
    /// Whose records it covers: "agent <name>" (an agent sees only their own) or "space".
    std::string scope;
    /// A caveat a reader must see, e.g. that the ledger could not be fetched just now.
    std::string note;
    std::vector<SignoffStatus> statuses;
    /// record id → the server's receipt ({seq, server_time, flags…}) when the client has it.
    std::map<std::string, nlohmann::json> receipts;
    /// record id → why the receipt the server sent for it is not believed (not sealed by the
    /// pinned server key, for another agent, naming another commit…).
    std::map<std::string, std::string> refused_receipts;
    /// document id → its minor changes, newest first.
    std::map<std::string, std::vector<MinorChange>> minor_changes;
};

/// Every minor change in the history of the documents in `statuses`, with word diffs.
std::map<std::string, std::vector<MinorChange>> minor_changes_of(
    const content::ContentRepository& repository, const std::vector<SignoffStatus>& statuses);

/// For a signed row: "valid" (a receipt sealed by the server's key names the record),
/// "none" (no receipt: not synced yet, or the server issued none), or
/// "refused (the receipt <why>)";
/// empty for a row without a sign-off.
std::string receipt_check(const SignoffReport& report, const SignoffStatus& status);

/// One row per agent and document (RFC 4180, header first; columns in docs/ledger.md).
std::string report_csv(const SignoffReport& report);
/// {"space", "content_commit", "generated_at", "scope", "note", "by_agent": […],
///  "by_document": […]} (docs/ledger.md).
nlohmann::json report_json(const SignoffReport& report);
/// The report as text lines: by agent, then by document with the minor changes.
std::vector<std::string> report_lines(const SignoffReport& report);
/// report_lines() as a PDF.
std::string report_pdf(const SignoffReport& report);

}  // namespace lectern::ledger
