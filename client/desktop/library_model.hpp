#pragma once
// What the library pane lists: the space's documents grouped by kind, with badges.

#include <string>
#include <string_view>
#include <vector>

#include <wx/string.h>

#include "content/space.hpp"
#include "navigation.hpp"

namespace lectern::progress {
struct Standing;
}

namespace lectern::desktop {

struct LibraryEntry {
    Location target;
    wxString label;
    bool stale = false;           ///< past its review date: shown with a badge
    bool asks_signature = false;  ///< unsigned or needs re-sign: shown with a badge
};

struct LibraryGroup {
    wxString title;
    std::vector<LibraryEntry> entries;
};

/// Procedures, Scripts, Lessons, Quizzes and My path, each sorted by title. Documents in
/// another language than the space's default carry their language tag. Badges (unsigned, needs
/// re-sign, stale) come from core/progress; `standing` may be nullptr (not read yet, or a
/// folder that cannot be signed): then only stale is shown.
std::vector<LibraryGroup> library_groups(const content::Space& space, std::string_view today,
                                         const progress::Standing* standing = nullptr);

}  // namespace lectern::desktop
