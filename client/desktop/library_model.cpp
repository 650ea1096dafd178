#include "library_model.hpp"

#include <algorithm>

#include <wx/intl.h>

#include "content/review.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

LibraryEntry entry_for(const content::Space& space, const content::Document& doc,
                       std::string_view today) {
    LibraryEntry entry;
    entry.target = {doc.type == content::DocumentType::Script ? View::Script : View::Document,
                    doc.id};
    entry.label = to_wx(doc.title);
    if (!doc.lang.empty() && doc.lang != space.manifest().default_lang)
        entry.label += " [" + to_wx(doc.lang) + "]";
    entry.stale = content::is_stale(doc, today);
    // TRANSLATORS: badge after a document's title in the library.
    if (entry.stale) entry.label += "  \u00b7 " + wxString(_("stale"));
    return entry;
}

}  // namespace

std::vector<LibraryGroup> library_groups(const content::Space& space, std::string_view today) {
    std::vector<LibraryGroup> groups(5);
    groups[0].title = _("Procedures");
    groups[1].title = _("Scripts");
    groups[2].title = _("Lessons");
    groups[3].title = _("Quizzes");
    groups[4].title = _("My path");
    for (const auto& doc : space.documents()) {
        groups[static_cast<std::size_t>(doc.type)].entries.push_back(entry_for(space, doc, today));
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
