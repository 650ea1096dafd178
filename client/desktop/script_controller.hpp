#pragma once
// Drives the script panel: which step is shown, where each answer leads, and Back.

#include <memory>
#include <string>
#include <vector>

#include "content/space.hpp"
#include "script_guide.hpp"

namespace lectern::desktop {

class ScriptPanel;

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
