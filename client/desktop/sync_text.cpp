#include "sync_text.hpp"

#include <vector>

#include <wx/datetime.h>
#include <wx/intl.h>

#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

int as_int(std::size_t n) {
    return static_cast<int>(n);
}

}  // namespace

wxString local_time_text(const std::string& rfc3339_utc) {
    wxDateTime when;
    wxString::const_iterator end;
    const wxString text = to_wx(rfc3339_utc);
    if (!when.ParseFormat(text, "%Y-%m-%dT%H:%M:%S", &end)) return text;
    when.MakeFromUTC();
    if (when.IsSameDate(wxDateTime::Now())) return when.Format("%H:%M");
    return when.FormatDate() + " " + when.Format("%H:%M");
}

wxString sync_status_text(const sync::SpaceStatus& status) {
    wxString text;
    const bool ever = status.last && !status.last->last_success.empty();
    const wxString when = ever ? local_time_text(status.last->last_success) : wxString();
    if (status.offline()) {
        // TRANSLATORS: status bar: the server could not be reached at the last sync.
        text = ever ? wxString::Format(_("Offline \u00b7 last sync %s"), when) : _("Offline");
    } else if (status.last && !status.last->failure_reason.empty()) {
        if (status.last->failure_reason == "cancelled") {
            text = _("Sync cancelled");
        } else {
            // TRANSLATORS: status bar: the last sync failed; %s says why.
            text = wxString::Format(_("Last sync failed: %s"), to_wx(status.last->failure_message));
        }
        if (ever) text += wxString::Format(_(" \u00b7 last good sync %s"), when);
    } else if (ever) {
        // TRANSLATORS: status bar: when the space was last synced.
        text = wxString::Format(_("Last sync %s"), when);
    } else {
        text = _("Never synced");
    }
    if (status.ledger_waiting && *status.ledger_waiting > 0) {
        // TRANSLATORS: status bar: signed records not yet sent to the server.
        text += wxString::Format(wxPLURAL(" \u00b7 %d record waiting", " \u00b7 %d records waiting",
                                          as_int(*status.ledger_waiting)),
                                 as_int(*status.ledger_waiting));
    }
    return text;
}

wxString sample_status_text(std::size_t records) {
    // TRANSLATORS: status bar for the sample content, which is never synced.
    wxString text = _("Sample content, offline");
    if (records > 0) {
        text += wxString::Format(
            wxPLURAL(" \u00b7 %d signature kept on this computer",
                     " \u00b7 %d signatures kept on this computer", as_int(records)),
            as_int(records));
    }
    return text;
}

wxString sync_phase_text(std::string_view phase) {
    if (phase == "receiving" || phase == "resolving") return _("Receiving changes\u2026");
    if (phase == "checkout") return _("Updating documents\u2026");
    if (phase == "lfs") return _("Downloading lesson videos\u2026");
    if (phase == "pushing") return _("Sending signed records\u2026");
    return _("Syncing\u2026");
}

wxString sync_summary_text(const progress::SyncSummary& s) {
    std::vector<wxString> parts;
    const auto add = [&parts](std::size_t n, const wxString& text) {
        if (n > 0) parts.push_back(wxString::Format(text, as_int(n)));
    };
    // TRANSLATORS: after a sync; the parts are joined with commas.
    add(s.procedures,
        wxPLURAL("%d procedure updated", "%d procedures updated", as_int(s.procedures)));
    add(s.scripts, wxPLURAL("%d script updated", "%d scripts updated", as_int(s.scripts)));
    add(s.lessons, wxPLURAL("%d lesson updated", "%d lessons updated", as_int(s.lessons)));
    add(s.quizzes, wxPLURAL("%d quiz updated", "%d quizzes updated", as_int(s.quizzes)));
    add(s.paths,
        wxPLURAL("%d onboarding path updated", "%d onboarding paths updated", as_int(s.paths)));
    add(s.removed, wxPLURAL("%d document removed", "%d documents removed", as_int(s.removed)));
    // TRANSLATORS: after a sync: how many of the updated procedures the agent must sign.
    add(s.need_signature,
        wxPLURAL("%d needs your signature", "%d need your signature", as_int(s.need_signature)));
    if (parts.empty()) return _("No changes");
    wxString text = parts.front();
    for (std::size_t i = 1; i < parts.size(); ++i) text += ", " + parts[i];
    return text;
}

}  // namespace lectern::desktop
