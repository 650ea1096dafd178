#include "script_controller.hpp"

#include <wx/intl.h>

#include "content/document_view.hpp"
#include "document_page.hpp"
#include "html_theme.hpp"
#include "script_panel.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

ScriptController::ScriptController(ScriptPanel& panel) : panel_(panel) {
    panel_.on_choose = [this](std::size_t i) { choose(i); };
    panel_.on_back = [this] { back(); };
    panel_.on_toggle_whole = [this] { toggle_whole(); };
    panel_.on_restart = [this] {
        if (!guide_) return;
        guide_->restart();
        show_current();
    };
}

void ScriptController::open(std::shared_ptr<const content::Space> space,
                            const content::Document& doc) {
    space_ = std::move(space);
    document_id_ = doc.id;
    guide_ = std::make_unique<ScriptGuide>(render::parse_script_flow(doc.body));
    panel_.set_whole_script(page("<h1><font color=\"" + std::string(kHeadingColour) + "\">" +
                                 escape_html(doc.title) + "</font></h1>" +
                                 document_body_html(*space_, doc)));
    panel_.show_whole(false, {});
    show_current();
}

std::string ScriptController::current_step() const {
    const auto* step = guide_ ? guide_->current() : nullptr;
    return step ? step->anchor : std::string();
}

bool ScriptController::choose(std::size_t index) {
    if (!guide_ || panel_.showing_whole() || !guide_->choose(index)) return false;
    show_current();
    return true;
}

bool ScriptController::back() {
    if (!guide_) return false;
    if (panel_.showing_whole()) {
        panel_.show_whole(false, {});
        return true;
    }
    if (!guide_->back()) return false;
    show_current();
    return true;
}

void ScriptController::toggle_whole() {
    panel_.show_whole(!panel_.showing_whole(), current_step());
}

void ScriptController::show_current() {
    const content::Document* doc = space_ ? space_->find_by_id(document_id_) : nullptr;
    if (!doc || !guide_) return;
    StepView view;
    view.script_title = to_wx(doc->title);
    const auto* step = guide_->current();
    if (!step) {
        view.step_title = _("This script has no steps.");
        panel_.show_step(view);
        return;
    }
    view.step_title = to_wx(step->title);
    // TRANSLATORS: position in a call script, like "Step 2 of 11".
    view.progress = wxString::Format(_("Step %d of %d"), static_cast<int>(guide_->position()),
                                     static_cast<int>(guide_->step_count()));
    view.body_html =
        page(themed_body(content::markdown_html(*space_, *doc, step->body_markdown), {}));
    for (const auto& choice : step->choices) view.choices.push_back(to_wx(choice.label));
    view.can_go_back = guide_->can_go_back();
    panel_.show_step(view);
    panel_.focus_first_choice();
}

}  // namespace lectern::desktop
