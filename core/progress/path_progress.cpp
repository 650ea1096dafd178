#include "progress/path_progress.hpp"

#include "content/space.hpp"

namespace lectern::progress {

namespace {

ItemState state_of(const content::Document* doc, const Standing& standing) {
    if (!doc) return ItemState::Missing;
    switch (doc->type) {
        case content::DocumentType::Procedure: {
            const auto found = standing.signoffs.find(doc->id);
            if (found == standing.signoffs.end()) return ItemState::NotRecorded;
            switch (found->second) {
                case ledger::SignoffState::Signed:
                    return ItemState::Done;
                case ledger::SignoffState::NeedsResign:
                    return ItemState::NeedsResign;
                case ledger::SignoffState::Unsigned:
                    return ItemState::ToDo;
            }
            return ItemState::ToDo;
        }
        case content::DocumentType::Quiz:
            return standing.quizzes_passed.contains(doc->id) ? ItemState::Done : ItemState::ToDo;
        case content::DocumentType::Lesson:
            return standing.lessons_completed.contains(doc->id) ? ItemState::Done : ItemState::ToDo;
        case content::DocumentType::Script:
            return ItemState::NotRecorded;
    }
    return ItemState::NotRecorded;
}

bool counted(ItemState state) {
    return state == ItemState::Done || state == ItemState::NeedsResign || state == ItemState::ToDo;
}

}  // namespace

PathProgress path_progress(const content::Space& space, const content::OnboardingPath& path,
                           const Standing& standing) {
    PathProgress out;
    for (const auto& section : path.sections) {
        SectionProgress s;
        s.title = section.title;
        for (const auto& item : section.items) {
            ItemProgress p{item.ref, item.due_days, state_of(space.find_by_id(item.ref), standing)};
            if (counted(p.state)) {
                ++s.counted;
                if (p.state == ItemState::Done) {
                    ++s.done;
                } else if (!out.next) {
                    out.next = p;
                }
            }
            s.items.push_back(std::move(p));
        }
        out.done += s.done;
        out.counted += s.counted;
        out.sections.push_back(std::move(s));
    }
    return out;
}

}  // namespace lectern::progress
