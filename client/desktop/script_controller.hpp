#pragma once
// Drives the script panel: which step is shown, where each answer leads, and Back.

#include <memory>
#include <string>
#include <vector>

#include "content/space.hpp"
#include "render/script_flow.hpp"

namespace lectern::desktop {

class ScriptPanel;

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

class ScriptController {
  public:
    explicit ScriptController(ScriptPanel& panel);

    /// Starts `doc` (a call script of `space`) at its first step.
    void open(std::shared_ptr<const content::Space> space, const content::Document& doc);
    const std::string& document_id() const { return document_id_; }
    /// Anchor of the step shown ("" when none).
    std::string current_step() const;

    bool choose(std::size_t index);
    /// Back one step; false at the first step, where Back means leaving the script.
    bool back();
    void toggle_whole();

  private:
    void show_current();

    ScriptPanel& panel_;
    std::shared_ptr<const content::Space> space_;
    std::string document_id_;
    std::unique_ptr<ScriptGuide> guide_;
};

}  // namespace lectern::desktop
