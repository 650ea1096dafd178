#pragma once
// How far an agent is along an onboarding path: per item whether the ledger shows it done,
// per section and overall how many of the items that leave a record are done, and what comes
// next. Only items whose completion is recorded count: procedures asking for a sign-off
// (signed), quizzes (passed) and lessons (completed). Scripts and procedures without a sign-off
// are read, not recorded, so they are listed but not counted.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "progress/standing.hpp"

namespace lectern::content {
class Space;
struct OnboardingPath;
}  // namespace lectern::content

namespace lectern::progress {

enum class ItemState {
    Done,         ///< signed, passed or completed
    NeedsResign,  ///< signed once, but a substantive newer version exists
    ToDo,         ///< recorded when done, not done yet
    NotRecorded,  ///< read only: nothing is recorded for it
    Missing,      ///< the path names a document this copy of the content does not have
};

struct ItemProgress {
    std::string ref;  ///< the document id the path names
    int due_days = 0;
    ItemState state = ItemState::Missing;
};

struct SectionProgress {
    std::string title;
    std::vector<ItemProgress> items;
    std::size_t done = 0;
    std::size_t counted = 0;  ///< items that leave a record
};

struct PathProgress {
    std::vector<SectionProgress> sections;
    std::size_t done = 0;
    std::size_t counted = 0;
    /// The first counted item not done, in the path's order: what comes next. nullopt when
    /// every counted item is done.
    std::optional<ItemProgress> next;
};

/// The progress of the standing's agent along `path`.
PathProgress path_progress(const content::Space& space, const content::OnboardingPath& path,
                           const Standing& standing);

}  // namespace lectern::progress
