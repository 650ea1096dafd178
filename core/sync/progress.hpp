#pragma once
// How sync work reports progress and learns it should stop: no UI types, no threads.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include "common/cancel_token.hpp"

namespace lectern::sync {

/// A cancelled transfer stops at its next progress callback. What was already stored stays
/// consistent: a cancelled fetch leaves the refs as they were, a cancelled checkout leaves the
/// reader's tree as it was.
using CancelToken = lectern::CancelToken;

/// One step of a sync: `done` of `total` items of the named phase, and the bytes moved so far.
/// Phases: "receiving" and "resolving" (objects of a fetch), "pushing" (objects of a push),
/// "checkout" (files), "lfs" (bytes of LFS objects; `done` and `total` count objects).
struct ProgressStep {
    std::string_view phase;
    std::size_t done = 0;
    std::size_t total = 0;
    std::uint64_t bytes = 0;
};

/// Where sync work reports to. Both members are optional. `report` is called on the working
/// thread, often: a front end posts the numbers to its UI thread and returns.
struct Progress {
    std::function<void(const ProgressStep&)> report;
    const CancelToken* cancel = nullptr;

    bool cancelled() const noexcept { return cancel && cancel->cancelled(); }
    void step(std::string_view phase, std::size_t done, std::size_t total,
              std::uint64_t bytes = 0) const {
        if (report) report({phase, done, total, bytes});
    }
};

}  // namespace lectern::sync
