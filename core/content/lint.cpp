#include "content/lint.hpp"

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "lesson/lesson_lint.hpp"
#include "quiz/gift.hpp"
#include "quiz/quiz.hpp"
#include "quiz/section_pins.hpp"
#include "render/markdown.hpp"
#include "render/script_flow.hpp"

namespace lectern::content {

namespace {

SourceLocation body_location(const Document& doc, int body_line, int column) {
    return {doc.path, body_line > 0 ? doc.body_first_line + body_line - 1 : doc.body_first_line,
            column};
}

class BodyLinter {
  public:
    BodyLinter(const Space& space, Diagnostics& out) : space_(space), out_(out) {}

    /// `choice_lines` are the lines of a script's choices, which check_script reports itself.
    void check_links(const Document& doc, const std::set<int>& choice_lines = {}) {
        const render::Outline& mine = outline_of(doc);
        for (const auto& link : mine.links) {
            const std::string& target = link.target;
            const SourceLocation where = body_location(doc, link.line, link.column);
            if (target.rfind('#', 0) == 0) {
                if (!choice_lines.count(link.line) && !has_anchor(mine, target.substr(1))) {
                    out_.error("broken-anchor",
                               "link to '" + target + "' leads to no section of this document",
                               where);
                }
                continue;
            }
            if (render::is_external_or_anchor(target)) continue;
            const Document* dest = space_.resolve_link(doc.path, target);
            if (!dest && space_.names_left_out_document(doc.path, target)) continue;
            if (!dest) {
                out_.error("broken-link",
                           "link to '" + target +
                               "' leads to no document of this space (use a relative "
                               "path like ../procedures/vpn-security.md or id:vpn-security)",
                           where);
                continue;
            }
            if (auto hash = target.find('#'); hash != std::string::npos) {
                const std::string anchor = target.substr(hash + 1);
                if (!has_anchor(outline_of(*dest), anchor)) {
                    out_.error("broken-anchor",
                               "link to '" + target + "': " + dest->path + " has no section '" +
                                   anchor + "'",
                               where);
                }
            }
        }
    }

    void check_script(const Document& doc) {
        const render::ScriptFlow flow = render::parse_script_flow(doc.body);
        std::set<int> choice_lines;
        for (const auto& step : flow.steps) {
            for (const auto& choice : step.choices) choice_lines.insert(choice.line);
        }
        check_links(doc, choice_lines);
        if (flow.steps.empty()) {
            out_.error("script-no-steps",
                       "a call script needs steps: start each with a '##' heading",
                       {doc.path, doc.body_first_line, 1});
            return;
        }
        std::map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < flow.steps.size(); ++i) {
            if (!index.emplace(flow.steps[i].anchor, i).second) {
                out_.error("script-duplicate-step",
                           "two steps are called '" + flow.steps[i].title +
                               "': give each step its own heading",
                           body_location(doc, flow.steps[i].line, 1));
            }
        }
        for (const auto& step : flow.steps) {
            for (const auto& choice : step.choices) {
                if (!index.count(choice.target)) {
                    out_.error("script-dead-choice",
                               "choice '" + choice.label + "' leads to '#" + choice.target +
                                   "', but no step has that heading",
                               body_location(doc, choice.line, choice.column));
                }
            }
        }
        // Every step must be reachable from the first through the customer's answers.
        std::vector<bool> reached(flow.steps.size(), false);
        std::vector<std::size_t> todo{0};
        reached[0] = true;
        while (!todo.empty()) {
            const std::size_t at = todo.back();
            todo.pop_back();
            for (const auto& choice : flow.steps[at].choices) {
                auto it = index.find(choice.target);
                if (it != index.end() && !reached[it->second]) {
                    reached[it->second] = true;
                    todo.push_back(it->second);
                }
            }
        }
        for (std::size_t i = 1; i < flow.steps.size(); ++i) {
            if (!reached[i]) {
                out_.error("script-unreachable-step",
                           "step '" + flow.steps[i].title +
                               "' is never reached: no choice from the first step on leads to it",
                           body_location(doc, flow.steps[i].line, 1));
            }
        }
    }

  private:
    const render::Outline& outline_of(const Document& doc) {
        auto it = outlines_.find(doc.path);
        if (it == outlines_.end())
            it = outlines_.emplace(doc.path, render::outline(doc.body)).first;
        return it->second;
    }

    static bool has_anchor(const render::Outline& o, const std::string& anchor) {
        for (const auto& h : o.headings) {
            if (h.anchor == anchor) return true;
        }
        return false;
    }

    const Space& space_;
    Diagnostics& out_;
    std::map<std::string, render::Outline> outlines_;
};

}  // namespace

namespace {

void check_quiz(const Space& space, const Document& doc, Diagnostics& out) {
    const quiz::GiftBank bank = quiz::parse_gift(doc.body, doc.path, doc.body_first_line, out);
    quiz::check_pins(space, bank, out);
    const quiz::QuizSettings settings = quiz::quiz_settings(doc);
    if (settings.gates_signoff) {
        const Document* tested =
            settings.tests.empty() ? nullptr : space.find_by_id(settings.tests);
        if (settings.tests.empty() || (tested && tested->type != DocumentType::Procedure)) {
            out.error("quiz-gate-not-procedure",
                      "gates_signoff needs 'tests' to name the procedure whose sign-off the quiz "
                      "gates",
                      {doc.path, 0, 0});
        }
    }
    const std::size_t gradable = bank.gradable_count();
    if (gradable == 0) {
        out.error("quiz-no-questions",
                  "the quiz has no questions (GIFT questions like '::Q1:: Text {=right ~wrong}')",
                  {doc.path, doc.body_first_line, 1});
        return;
    }
    const auto& fields = *doc.front_matter;
    if (auto it = fields.find("pool_size"); it != fields.end() && it->is_number_integer()) {
        if (it->get<std::size_t>() > gradable) {
            out.error("quiz-pool-too-large",
                      "pool_size is " + std::to_string(it->get<std::size_t>()) +
                          " but the quiz has only " + std::to_string(gradable) + " questions",
                      {doc.path, 0, 0});
        }
    }
}

}  // namespace

void lint_bodies(const Space& space, Diagnostics& out) {
    BodyLinter linter(space, out);
    for (const Document& doc : space.documents()) {
        if (doc.type == DocumentType::Quiz) {
            check_quiz(space, doc, out);
            continue;
        }
        if (doc.type == DocumentType::Script) {
            linter.check_script(doc);
        } else {
            if (doc.type == DocumentType::Lesson) lesson::lint_lesson(space.root(), doc, out);
            linter.check_links(doc);
        }
    }
}

Diagnostics lint_space(const std::filesystem::path& root) {
    Diagnostics out;
    const Space space = Space::load(root, out);
    lint_bodies(space, out);
    out.sort();
    return out;
}

}  // namespace lectern::content
