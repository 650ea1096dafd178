#include "library_model.hpp"

#include <algorithm>

#include <wx/intl.h>

#include "progress/standing.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

LibraryEntry entry_for(const content::Space& space, const content::Document& doc,
                       std::string_view today, const progress::Standing& standing) {
    LibraryEntry entry;
    entry.target = {doc.type == content::DocumentType::Script ? View::Script : View::Document,
                    doc.id};
    entry.label = to_wx(doc.title);
    if (!doc.lang.empty() && doc.lang != space.manifest().default_lang)
        entry.label += " [" + to_wx(doc.lang) + "]";
    const progress::Badges badges = progress::badges_of(doc, standing, today);
    entry.stale = badges.stale;
    entry.asks_signature = badges.unsigned_ || badges.needs_resign;
    // TRANSLATORS: badge after a procedure's title in the library: not signed yet.
    if (badges.unsigned_) entry.label += "  \u00b7 " + wxString(_("unsigned"));
    // TRANSLATORS: badge after a procedure's title: a newer version asks for a new signature.
    if (badges.needs_resign) entry.label += "  \u00b7 " + wxString(_("needs re-sign"));
    // TRANSLATORS: badge after a document's title in the library: past its review date.
    if (entry.stale) entry.label += "  \u00b7 " + wxString(_("stale"));
    return entry;
}

}  // namespace

std::vector<LibraryGroup> library_groups(const content::Space& space, std::string_view today,
                                         const progress::Standing* standing) {
    const progress::Standing none;
    std::vector<LibraryGroup> groups(5);
    groups[0].title = _("Procedures");
    groups[1].title = _("Scripts");
    groups[2].title = _("Lessons");
    groups[3].title = _("Quizzes");
    groups[4].title = _("My path");
    for (const auto& doc : space.documents()) {
        groups[static_cast<std::size_t>(doc.type)].entries.push_back(
            entry_for(space, doc, today, standing ? *standing : none));
    }
    for (const auto& path : space.paths()) {
        // Built field by field: GCC 12 at -O3 warns falsely (maybe-uninitialized) about the
        // temporary a braced initializer makes here.
        LibraryEntry entry;
        entry.target.view = View::Path;
        entry.target.id = path.id;
        entry.label = to_wx(path.title);
        groups[4].entries.push_back(std::move(entry));
    }
    for (auto& group : groups) {
        std::stable_sort(group.entries.begin(), group.entries.end(),
                         [](const LibraryEntry& a, const LibraryEntry& b) {
                             return a.label.CmpNoCase(b.label) < 0;
                         });
    }
    return groups;
}

}  // namespace lectern::desktop
