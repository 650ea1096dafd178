#pragma once
// How long lesson work (analysing, redacting a video) reports progress and learns it should
// stop: no UI types, no threads.

#include <functional>
#include <string_view>

#include "common/cancel_token.hpp"

namespace lectern::lesson {

/// Cancelled lesson work stops at its next frame, returns a result that says so and leaves
/// the space as it was.
using CancelToken = lectern::CancelToken;

/// `done` of `total` seconds of video in the named phase ("analysing", "redacting").
struct ProgressStep {
    std::string_view phase;
    double done = 0;
    double total = 0;
};

/// Where lesson work reports to. Both members are optional; `report` is called on the
/// working thread a few times a second at most.
struct Progress {
    std::function<void(const ProgressStep&)> report;
    const CancelToken* cancel = nullptr;

    bool cancelled() const noexcept { return cancel && cancel->cancelled(); }
    void step(std::string_view phase, double done, double total) const {
        if (report) report({phase, done, total});
    }
};

}  // namespace lectern::lesson
