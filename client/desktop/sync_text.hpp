#pragma once
// Sync in words: the status bar's line (last sync, offline, records waiting), what a sync is
// doing, and what it changed ("3 procedures updated, 1 needs your signature"). The numbers come
// from core (sync::space_status, progress::summarize); only the wording is here.

#include <cstddef>
#include <string_view>

#include <wx/string.h>

#include "progress/sync_summary.hpp"
#include "sync/space_status.hpp"

namespace lectern::desktop {

/// "Last sync 14:05 · 2 records waiting", "Offline · last sync 14:05", "Never synced"…
wxString sync_status_text(const sync::SpaceStatus& status);

/// The status of the sample content, which no server has: records kept on this computer.
wxString sample_status_text(std::size_t records);

/// What a sync phase ("receiving", "checkout", "lfs"…) is doing.
wxString sync_phase_text(std::string_view phase);

/// "3 procedures updated, 1 needs your signature"; "No changes" when nothing changed.
wxString sync_summary_text(const progress::SyncSummary& summary);

/// A time of core's (RFC 3339 UTC) in the user's time zone and locale: the time alone today,
/// else the date and time. The text unchanged when it cannot be read.
wxString local_time_text(const std::string& rfc3339_utc);

}  // namespace lectern::desktop
