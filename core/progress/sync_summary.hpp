#pragma once
// What a sync changed, told from the agent's side: how many documents of each kind came new
// or changed, how many went away, and how many of them now wait for the agent's signature
// ("3 procedures updated, 1 needs your signature"). Front ends put the numbers in words.

#include <cstddef>

#include "progress/standing.hpp"
#include "sync/content_changes.hpp"

namespace lectern::progress {

struct SyncSummary {
    std::size_t procedures = 0;  ///< added or changed
    std::size_t scripts = 0;
    std::size_t lessons = 0;
    std::size_t quizzes = 0;
    std::size_t paths = 0;
    std::size_t removed = 0;  ///< documents of any kind
    /// Added or changed procedures that ask this agent for a signature now (unsigned with a
    /// required sign-off, or needing a new one).
    std::size_t need_signature = 0;

    std::size_t updated() const noexcept {
        return procedures + scripts + lessons + quizzes + paths;
    }
    bool empty() const noexcept { return updated() == 0 && removed == 0; }
};

/// The summary of `changes` for the agent of `after` (the standing read after the sync).
SyncSummary summarize(const sync::ContentChanges& changes, const content::Space& space,
                      const Standing& after);

}  // namespace lectern::progress
