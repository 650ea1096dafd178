#pragma once
// A call script as steps and the customer's possible answers, read from its Markdown.

#include <string>
#include <string_view>
#include <vector>

namespace lectern::render {

/// One possible answer of the customer: a list item that is a link to another step.
struct ScriptChoice {
    std::string label;
    std::string target;  ///< the anchor it leads to, without '#'
    int line = 0;
    int column = 0;
};

/// One step: a heading at the script's step level, its text and its choices.
struct ScriptStep {
    std::string title;
    std::string anchor;
    int line = 0;
    /// The step's Markdown without its heading and without the list of choices.
    std::string body_markdown;
    std::vector<ScriptChoice> choices;
};

/// The steps in document order; the first is where the call starts. Steps are the
/// headings of the shallowest level used (normally `##`).
struct ScriptFlow {
    std::vector<ScriptStep> steps;

    /// The step with this anchor, or nullptr.
    const ScriptStep* find(std::string_view anchor) const;
};

/// Reads steps and choices from a script body. Line numbers are those of the Markdown given.
ScriptFlow parse_script_flow(std::string_view markdown);

}  // namespace lectern::render
