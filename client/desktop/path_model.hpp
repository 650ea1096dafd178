#pragma once
// What the My path view lists: an onboarding path's sections and items, with due days.

#include <string>
#include <vector>

#include <wx/string.h>

#include "content/space.hpp"
#include "navigation.hpp"

namespace lectern::progress {
struct Standing;
}

namespace lectern::desktop {

struct PathRow {
    Location target;  ///< where Enter goes; View::Welcome when the item names no document
    wxString title;
    wxString kind;
    wxString due;  ///< the date in the user's locale, "Day 3" without a start date
    bool overdue = false;
    wxString
        state;  ///< "Done", "To do", "Sign again", "Read" (nothing recorded); empty when unknown
};

struct PathSectionRows {
    wxString title;  ///< with "2 of 5 done" once the standing is known
    std::vector<PathRow> rows;
};

struct PathOverview {
    wxString title;
    wxString subtitle;  ///< role and number of items
    wxString progress;  ///< "2 of 14 done · Next: Screen lock, due day 1"; empty when unknown
    std::vector<PathSectionRows> sections;
};

/// The path's rows; with `standing` (may be nullptr) the progress from core/progress. With the
/// agent's `start_date` (YYYY-MM-DD; empty: none), due days are dates (progress::due_date),
/// those past `today` and still to do marked overdue.
PathOverview path_overview(const content::Space& space, const content::OnboardingPath& path,
                           const progress::Standing* standing = nullptr,
                           const std::string& start_date = {}, const std::string& today = {});

/// An ISO date (YYYY-MM-DD) in the user's locale; the text as it is when it is not one.
wxString local_date_text(const std::string& iso_date);

/// The path to show for "My path": the first of the space, or nullptr when it has none.
const content::OnboardingPath* default_path(const content::Space& space);

/// The path with this id, or nullptr.
const content::OnboardingPath* find_path(const content::Space& space, const std::string& id);

}  // namespace lectern::desktop
