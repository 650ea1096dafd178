#pragma once
// What the History view shows: the versions of a document (from core's content history) in
// words, and the word diff between two of them as a page. No windows here.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <wx/string.h>

#include "content/history.hpp"
#include "content/space.hpp"
#include "content/word_diff.hpp"

namespace lectern::desktop {

/// One row of the versions list.
struct VersionRow {
    content::DocumentVersion version;  ///< commit empty for the uncommitted copy on disk
    wxString date;                     ///< in the user's locale
    wxString label;                    ///< short version id
    wxString message;                  ///< summary, with "(minor)" when marked minor
    bool uncommitted = false;
};

struct DocumentHistory {
    std::vector<VersionRow> rows;  ///< newest first
    /// Why there is no history (the space is a plain folder, not a git working tree).
    wxString note;
};

/// The versions of `doc`, newest first. When the file on disk differs from the newest
/// commit's (a trainer's edit not committed yet), it comes first as "not committed".
/// Reads git: call it off the UI thread. Throws lectern::Error when the repository is broken.
DocumentHistory load_document_history(const content::Space& space, const content::Document& doc);

/// The text of a version: from git, or from disk for the uncommitted copy. Off the UI thread.
std::string version_text(const std::filesystem::path& space_root, const VersionRow& row);

/// Anchor before the first change of a diff page, to scroll to it.
inline constexpr const char* kFirstChangeAnchor = "lectern-first-change";

/// The page showing what changed from `older` to `newer`: a summary line, then the text of
/// `newer` with deleted words struck through and inserted words underlined, both shaded.
std::string diff_page_html(const std::vector<content::DiffRun>& runs, const VersionRow& older,
                           const VersionRow& newer);

/// "12 Mar 2026 14:05" for a commit time, in the user's locale and time zone.
wxString local_date_time(std::int64_t seconds_since_epoch);

}  // namespace lectern::desktop
