#include "set_aside_text.hpp"

#include <wx/intl.h>

#include "content/space.hpp"
#include "ledger/record.hpp"
#include "sync_text.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

wxString set_aside_status_text(std::size_t records) {
    if (records == 0) return {};
    const int n = static_cast<int>(records);
    // TRANSLATORS: status bar: signed records the server will never accept (their key was
    // revoked); the key shortcut opens the list that says what to do.
    return wxString::Format(wxPLURAL(" \u00b7 %d record set aside (Ctrl+Shift+A)",
                                     " \u00b7 %d records set aside (Ctrl+Shift+A)", n),
                            n);
}

namespace {

wxString kind_text(const std::string& kind) {
    if (kind == ledger::kKindSignoff) return _("Sign-off");
    if (kind == ledger::kKindQuizAttempt) return _("Quiz attempt");
    if (kind == ledger::kKindLessonCompletion) return _("Lesson completion");
    return to_wx(kind);
}

wxString what_to_do(const std::string& kind) {
    if (kind == ledger::kKindQuizAttempt) {
        // TRANSLATORS: in the list of records set aside, for a quiz attempt.
        return _(
            "Signed with a key the server revoked, so it can never be accepted. It stays "
            "on this computer. Take the quiz again; if this computer's key is the revoked "
            "one, make a new key first (File \u2192 Signing key).");
    }
    if (kind == ledger::kKindLessonCompletion) {
        return _(
            "Signed with a key the server revoked, so it can never be accepted. It stays "
            "on this computer. Complete the lesson again; if this computer's key is the "
            "revoked one, make a new key first (File \u2192 Signing key).");
    }
    // TRANSLATORS: in the list of records set aside, for a sign-off.
    return _(
        "Signed with a key the server revoked, so it can never be accepted. It stays on "
        "this computer. Sign the document again (Enter opens it); if this computer's key "
        "is the revoked one, make a new key first (File \u2192 Signing key).");
}

}  // namespace

std::vector<SetAsideRow> set_aside_rows(const std::vector<ledger::StoredRecord>& records,
                                        const content::Space* space) {
    std::vector<SetAsideRow> rows;
    for (const auto& stored : records) {
        const ledger::Record& r = stored.record;
        SetAsideRow row;
        row.document_id = r.document_id;
        const content::Document* doc = space ? space->find_by_id(r.document_id) : nullptr;
        row.document = to_wx(doc ? doc->title : (r.title.empty() ? r.document_id : r.title));
        row.what = kind_text(r.kind);
        row.signed_at = local_time_text(r.signed_at);
        row.device = to_wx(r.device);
        row.why_and_what_to_do = what_to_do(r.kind);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace lectern::desktop
