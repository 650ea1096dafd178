#pragma once
// How long index runs report progress and learn they should stop: no UI types, no threads.

#include <cstddef>
#include <functional>
#include <string_view>

#include "common/cancel_token.hpp"

namespace lectern::search {

/// A cancelled index run stops at its next document and leaves the index as it was before
/// it started.
using CancelToken = lectern::CancelToken;

/// One step of an index run: `done` of `total` documents in the named phase
/// ("loading", "indexing", "saving").
struct ProgressStep {
    std::string_view phase;
    std::size_t done = 0;
    std::size_t total = 0;
};

/// Where an index run reports to. Both members are optional. `report` is called on the
/// indexing thread, often: a front end posts the numbers to its UI thread and returns.
struct Progress {
    std::function<void(const ProgressStep&)> report;
    const CancelToken* cancel = nullptr;

    bool cancelled() const noexcept { return cancel && cancel->cancelled(); }
    void step(std::string_view phase, std::size_t done, std::size_t total) const {
        if (report) report({phase, done, total});
    }
};

}  // namespace lectern::search
