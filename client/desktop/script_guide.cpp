#include "script_guide.hpp"

namespace lectern::desktop {

ScriptGuide::ScriptGuide(render::ScriptFlow flow) : flow_(std::move(flow)) {
    restart();
}

const render::ScriptStep* ScriptGuide::current() const {
    return trail_.empty() ? nullptr : &flow_.steps[trail_.back()];
}

bool ScriptGuide::choose(std::size_t index) {
    const auto* step = current();
    if (!step || index >= step->choices.size()) return false;
    const auto* next = flow_.find(step->choices[index].target);
    if (!next) return false;
    trail_.push_back(static_cast<std::size_t>(next - flow_.steps.data()));
    return true;
}

bool ScriptGuide::back() {
    if (!can_go_back()) return false;
    trail_.pop_back();
    return true;
}

void ScriptGuide::restart() {
    trail_.clear();
    if (!flow_.steps.empty()) trail_.push_back(0);
}

}  // namespace lectern::desktop
