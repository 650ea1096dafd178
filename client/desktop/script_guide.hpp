#pragma once
// Where a call is in a script: the steps taken so far, and where each answer leads.

#include <cstddef>
#include <vector>

#include "render/script_flow.hpp"

namespace lectern::desktop {

/// The way through one call script: the steps taken so far, the last one shown.
class ScriptGuide {
  public:
    explicit ScriptGuide(render::ScriptFlow flow);

    /// The step shown, or nullptr for a script without steps.
    const render::ScriptStep* current() const;
    /// Follows the customer's answer `index` (0-based); false when there is no such answer
    /// or it leads to no step (lint reports those).
    bool choose(std::size_t index);
    /// Returns to the step before; false at the first step.
    bool back();
    void restart();
    bool can_go_back() const { return trail_.size() > 1; }
    /// 1-based position of the current step in the script, and the number of steps.
    std::size_t position() const { return trail_.empty() ? 0 : trail_.back() + 1; }
    std::size_t step_count() const { return flow_.steps.size(); }

  private:
    render::ScriptFlow flow_;
    std::vector<std::size_t> trail_;  ///< indexes into flow_.steps
};

}  // namespace lectern::desktop
