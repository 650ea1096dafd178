#include "path_model.hpp"

#include <wx/datetime.h>
#include <wx/intl.h>

#include "labels.hpp"
#include "progress/due_date.hpp"
#include "progress/path_progress.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

wxString state_label(progress::ItemState state) {
    switch (state) {
        // TRANSLATORS: state of an onboarding item: signed, passed or completed.
        case progress::ItemState::Done:
            return _("Done");
        // TRANSLATORS: state of an onboarding item: a newer version needs a new signature.
        case progress::ItemState::NeedsResign:
            return _("Sign again");
        // TRANSLATORS: state of an onboarding item that is recorded when done.
        case progress::ItemState::ToDo:
            return _("To do");
        // TRANSLATORS: state of an onboarding item that is read, with nothing recorded.
        case progress::ItemState::NotRecorded:
            return _("Read");
        case progress::ItemState::Missing:
            return wxString();
    }
    return wxString();
}

wxString title_of(const content::Space& space, const std::string& ref) {
    const auto* doc = space.find_by_id(ref);
    return doc ? to_wx(doc->title) : to_wx(ref);
}

// "12/10/26", or "Day 3" when there is no start date; "overdue" after it when it is.
wxString due_text(const progress::ItemProgress& item, const std::string& start,
                  const std::string& today, bool* overdue) {
    const auto due = progress::due_date(item, start, today);
    if (!due) {
        // TRANSLATORS: when an onboarding item is due, counted from the agent's first day.
        return wxString::Format(_("Day %d"), item.due_days);
    }
    if (overdue) *overdue = due->overdue;
    wxString text = local_date_text(due->date);
    // TRANSLATORS: after the due date of an onboarding item past its date and not done.
    if (due->overdue) text += _(" \u2014 overdue");
    return text;
}

}  // namespace

wxString local_date_text(const std::string& iso_date) {
    wxDateTime date;
    if (!date.ParseISODate(to_wx(iso_date))) return to_wx(iso_date);
    return date.FormatDate();
}

PathOverview path_overview(const content::Space& space, const content::OnboardingPath& path,
                           const progress::Standing* standing, const std::string& start_date,
                           const std::string& today) {
    PathOverview out;
    out.title = to_wx(path.title);
    std::optional<progress::PathProgress> done;
    if (standing) done = progress::path_progress(space, path, *standing);
    std::size_t items = 0;
    for (std::size_t s = 0; s < path.sections.size(); ++s) {
        const auto& section = path.sections[s];
        PathSectionRows rows;
        rows.title = to_wx(section.title);
        if (done && done->sections[s].counted > 0) {
            // TRANSLATORS: after a section's title on the path: items done of those recorded.
            rows.title += wxString::Format(_(" \u2014 %d of %d done"),
                                           static_cast<int>(done->sections[s].done),
                                           static_cast<int>(done->sections[s].counted));
        }
        for (std::size_t i = 0; i < section.items.size(); ++i) {
            const auto& item = section.items[i];
            ++items;
            PathRow row;
            const progress::ItemProgress unknown{item.ref, item.due_days,
                                                 progress::ItemState::NotRecorded};
            const auto& progress = done ? done->sections[s].items[i] : unknown;
            row.due = due_text(progress, start_date, today, &row.overdue);
            if (done) row.state = state_label(progress.state);
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
    if (done) {
        // TRANSLATORS: the path's progress: items done of the items that are recorded.
        out.progress = wxString::Format(_("%d of %d done"), static_cast<int>(done->done),
                                        static_cast<int>(done->counted));
        if (done->next) {
            if (const auto due = progress::due_date(*done->next, start_date, today)) {
                // TRANSLATORS: after the path's progress: the next item to do and its due date.
                out.progress +=
                    wxString::Format(_(" \u00b7 Next: %s, due %s"),
                                     title_of(space, done->next->ref), local_date_text(due->date));
            } else {
                // TRANSLATORS: after the path's progress: the next item to do and its due day.
                out.progress +=
                    wxString::Format(_(" \u00b7 Next: %s, due day %d"),
                                     title_of(space, done->next->ref), done->next->due_days);
            }
        } else if (done->counted > 0) {
            // TRANSLATORS: after the path's progress when everything recorded is done.
            out.progress += _(" \u00b7 All done");
        }
    }
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
