#pragma once
// What the library pane lists: the space's documents grouped by kind, with badges.

#include <cstddef>
#include <functional>
#include <memory>
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
    /// Instead of `entries`, for a group of more than kListedAtOnce documents: makes the
    /// entries, from the space and standing given to library_groups. Touches nothing of the
    /// window's (the badges' words are translated beforehand): it runs on a thread of its own.
    std::function<std::vector<LibraryEntry>()> make_entries;
    /// With make_entries: whether the group lists this place (without making the entries).
    std::function<bool(const Location&)> lists;
    std::size_t size = 0;  ///< the number of entries, made or not
};

/// Groups with more documents than this make their entries on a thread of their own
/// (LibraryGroup::make_entries): a space of tens of thousands of documents shows at once, and
/// the window's thread never sorts tens of thousands of labels.
inline constexpr std::size_t kListedAtOnce = 500;

/// Procedures, Scripts, Lessons, Quizzes and My path, each sorted by title. Documents in
/// another language than the space's default carry their language tag. Badges (unsigned, needs
/// re-sign, stale) come from core/progress; `standing` may be nullptr (not read yet, or a
/// folder that cannot be signed): then only stale is shown.
std::vector<LibraryGroup> library_groups(std::shared_ptr<const content::Space> space,
                                         std::string today,
                                         const progress::Standing* standing = nullptr);

}  // namespace lectern::desktop
