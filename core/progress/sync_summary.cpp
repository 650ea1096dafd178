#include "progress/sync_summary.hpp"

#include "content/space.hpp"

namespace lectern::progress {

namespace {

void count(const sync::DocumentChange& change, const content::Space& space, const Standing& after,
           SyncSummary& out) {
    if (change.type == "procedure") {
        ++out.procedures;
        if (const auto* doc = space.find_by_id(change.id)) {
            const Badges b = badges_of(*doc, after, {});
            if (b.unsigned_ || b.needs_resign) ++out.need_signature;
        }
    } else if (change.type == "script") {
        ++out.scripts;
    } else if (change.type == "lesson") {
        ++out.lessons;
    } else if (change.type == "quiz") {
        ++out.quizzes;
    } else if (change.type == "path") {
        ++out.paths;
    }
}

}  // namespace

SyncSummary summarize(const sync::ContentChanges& changes, const content::Space& space,
                      const Standing& after) {
    SyncSummary out;
    for (const auto& change : changes.added) count(change, space, after, out);
    for (const auto& change : changes.changed) count(change, space, after, out);
    out.removed = changes.removed.size();
    return out;
}

}  // namespace lectern::progress
