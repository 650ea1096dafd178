#pragma once
// What the library pane lists: the space's documents grouped by kind, with badges.

#include <string>
#include <string_view>
#include <vector>

#include <wx/string.h>

#include "content/space.hpp"
#include "navigation.hpp"

namespace lectern::desktop {

struct LibraryEntry {
    Location target;
    wxString label;
    bool stale = false;  ///< past its review date: shown with a badge
};

struct LibraryGroup {
    wxString title;
    std::vector<LibraryEntry> entries;
};

/// Procedures, Scripts, Lessons, Quizzes and My path, each sorted by title. Documents in
/// another language than the space's default carry their language tag.
std::vector<LibraryGroup> library_groups(const content::Space& space, std::string_view today);

}  // namespace lectern::desktop
