#include "path_model.hpp"

#include <wx/intl.h>

#include "labels.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

PathOverview path_overview(const content::Space& space, const content::OnboardingPath& path) {
    PathOverview out;
    out.title = to_wx(path.title);
    std::size_t items = 0;
    for (const auto& section : path.sections) {
        PathSectionRows rows;
        rows.title = to_wx(section.title);
        for (const auto& item : section.items) {
            ++items;
            PathRow row;
            // TRANSLATORS: when an onboarding item is due, counted from the agent's first day.
            row.due = wxString::Format(_("Day %d"), item.due_days);
            if (const auto* doc = space.find_by_id(item.ref)) {
                row.title = to_wx(doc->title);
                row.kind = type_label(doc->type);
                row.target = {
                    doc->type == content::DocumentType::Script ? View::Script : View::Document,
                    doc->id};
            } else {
                // TRANSLATORS: an onboarding item whose document is not in this copy of the
                // content.
                row.title = wxString::Format(_("%s (not available)"), to_wx(item.ref));
            }
            rows.rows.push_back(std::move(row));
        }
        out.sections.push_back(std::move(rows));
    }
    // TRANSLATORS: under an onboarding path's title: its role and how many items it has.
    out.subtitle =
        wxString::Format(wxPLURAL("For the role %s, %d item", "For the role %s, %d items", items),
                         to_wx(path.role), static_cast<int>(items));
    return out;
}

const content::OnboardingPath* default_path(const content::Space& space) {
    return space.paths().empty() ? nullptr : &space.paths().front();
}

const content::OnboardingPath* find_path(const content::Space& space, const std::string& id) {
    for (const auto& path : space.paths()) {
        if (path.id == id) return &path;
    }
    return nullptr;
}

}  // namespace lectern::desktop
