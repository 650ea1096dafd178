#include "quiz/gating.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "content/space.hpp"
#include "quiz/quiz.hpp"

namespace lectern::quiz {

std::vector<const content::Document*> gating_quizzes(const content::Space& space,
                                                     std::string_view document_id) {
    std::vector<const content::Document*> out;
    for (const content::Document& doc : space.documents()) {
        if (doc.type != content::DocumentType::Quiz) continue;
        const QuizSettings s = quiz_settings(doc);
        if (s.gates_signoff && s.tests == document_id) out.push_back(&doc);
    }
    return out;
}

std::vector<const content::Document*> quizzes_to_pass(const content::Space& space,
                                                      const content::Document& document,
                                                      std::string_view agent,
                                                      const std::vector<AttemptOutcome>& attempts) {
    std::vector<const content::Document*> missing;
    for (const content::Document* quiz : gating_quizzes(space, document.id)) {
        const bool passed =
            std::any_of(attempts.begin(), attempts.end(), [&](const AttemptOutcome& a) {
                return a.passed && a.agent == agent && a.quiz_id == quiz->id &&
                       a.quiz_version == quiz->blob_id;
            });
        if (!passed) missing.push_back(quiz);
    }
    return missing;
}

std::optional<std::string> signoff_refusal(const content::Space& space,
                                           const content::Document& document,
                                           std::string_view agent,
                                           const std::vector<AttemptOutcome>& attempts) {
    const auto missing = quizzes_to_pass(space, document, agent, attempts);
    if (missing.empty()) return std::nullopt;
    std::string list;
    for (const auto* quiz : missing) list += (list.empty() ? "" : ", ") + quiz->id;
    return "'" + document.id + "' can be signed only after passing the quiz " + list +
           " (its current version): take it first with `lectern quiz take " + missing.front()->id +
           "`";
}

}  // namespace lectern::quiz
