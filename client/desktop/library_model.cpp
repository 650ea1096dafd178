#include "library_model.hpp"

#include <algorithm>

#include <wx/intl.h>

#include "progress/standing.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

// The badges' words, translated on the UI thread: a large group's entries are made on another.
struct BadgeWords {
    // TRANSLATORS: badge after a procedure's title in the library: not signed yet.
    wxString unsigned_ = "  \u00b7 " + wxString(_("unsigned"));
    // TRANSLATORS: badge after a procedure's title: a newer version asks for a new signature.
    wxString needs_resign = "  \u00b7 " + wxString(_("needs re-sign"));
    // TRANSLATORS: badge after a document's title in the library: past its review date.
    wxString stale = "  \u00b7 " + wxString(_("stale"));
};

LibraryEntry entry_for(const content::Space& space, const content::Document& doc,
                       std::string_view today, const progress::Standing& standing,
                       const BadgeWords& words) {
    LibraryEntry entry;
    entry.target = {doc.type == content::DocumentType::Script ? View::Script : View::Document,
                    doc.id};
    entry.label = to_wx(doc.title);
    if (!doc.lang.empty() && doc.lang != space.manifest().default_lang)
        entry.label += " [" + to_wx(doc.lang) + "]";
    const progress::Badges badges = progress::badges_of(doc, standing, today);
    entry.stale = badges.stale;
    entry.asks_signature = badges.unsigned_ || badges.needs_resign;
    if (badges.unsigned_) entry.label += words.unsigned_;
    if (badges.needs_resign) entry.label += words.needs_resign;
    if (entry.stale) entry.label += words.stale;
    return entry;
}

// By label, ignoring case. Each label is folded once: folding inside the comparison did it
// twice per comparison, which in a group of 50,000 took longer than the rest of the library.
void sort_by_label(std::vector<LibraryEntry>& entries) {
    std::vector<std::pair<wxString, std::size_t>> keys;
    keys.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) keys.emplace_back(entries[i].label.Lower(), i);
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto& a, const auto& b) { return a.first.compare(b.first) < 0; });
    std::vector<LibraryEntry> sorted;
    sorted.reserve(entries.size());
    for (const auto& key : keys) sorted.push_back(std::move(entries[key.second]));
    entries = std::move(sorted);
}

}  // namespace

std::vector<LibraryGroup> library_groups(std::shared_ptr<const content::Space> space,
                                         std::string today, const progress::Standing* standing) {
    std::vector<LibraryGroup> groups(5);
    groups[0].title = _("Procedures");
    groups[1].title = _("Scripts");
    groups[2].title = _("Lessons");
    groups[3].title = _("Quizzes");
    groups[4].title = _("My path");
    for (const auto& doc : space->documents()) ++groups[static_cast<std::size_t>(doc.type)].size;
    // A copy: the rows of a large group are made later, when the standing may have moved on
    // (the library is then shown anew with the new one).
    auto badges_from =
        std::make_shared<const progress::Standing>(standing ? *standing : progress::Standing());
    auto words = std::make_shared<const BadgeWords>();
    for (std::size_t g = 0; g < 4; ++g) {
        const auto type = static_cast<content::DocumentType>(g);
        auto make = [space, today, badges_from, words, type, count = groups[g].size] {
            std::vector<LibraryEntry> entries;
            entries.reserve(count);
            for (const auto& doc : space->documents()) {
                if (doc.type == type)
                    entries.push_back(entry_for(*space, doc, today, *badges_from, *words));
            }
            sort_by_label(entries);
            return entries;
        };
        if (groups[g].size <= kListedAtOnce) {
            groups[g].entries = make();
            continue;
        }
        groups[g].make_entries = std::move(make);
        groups[g].lists = [space, type](const Location& where) {
            const content::Document* doc = space->find_by_id(where.id);
            return doc && doc->type == type &&
                   where.view ==
                       (type == content::DocumentType::Script ? View::Script : View::Document);
        };
    }
    for (const auto& path : space->paths()) {
        // Built field by field: GCC 12 at -O3 warns falsely (maybe-uninitialized) about the
        // temporary a braced initializer makes here.
        LibraryEntry entry;
        entry.target.view = View::Path;
        entry.target.id = path.id;
        entry.label = to_wx(path.title);
        groups[4].entries.push_back(std::move(entry));
    }
    sort_by_label(groups[4].entries);
    groups[4].size = groups[4].entries.size();
    return groups;
}

}  // namespace lectern::desktop
