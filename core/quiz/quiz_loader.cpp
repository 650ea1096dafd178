#include <cmath>

#include <nlohmann/json.hpp>

#include "content/space.hpp"
#include "quiz/quiz.hpp"
#include "quiz/section_pins.hpp"

namespace lectern::quiz {

QuizSettings quiz_settings(const content::Document& doc) {
    QuizSettings s;
    const nlohmann::json& v = *doc.front_matter;
    if (auto it = v.find("pass_mark"); it != v.end() && it->is_number())
        s.pass_mark_permille = static_cast<int>(std::lround(it->get<double>() * 10));
    if (auto it = v.find("pool_size"); it != v.end() && it->is_number_integer())
        s.pool_size = it->get<std::size_t>();
    if (auto it = v.find("shuffle"); it != v.end() && it->is_boolean()) s.shuffle = it->get<bool>();
    if (auto it = v.find("attempts"); it != v.end() && it->is_number_integer())
        s.attempts = it->get<int>();
    if (auto it = v.find("time_limit_minutes"); it != v.end() && it->is_number_integer())
        s.time_limit_minutes = it->get<int>();
    if (auto it = v.find("tests"); it != v.end() && it->is_string())
        s.tests = it->get<std::string>();
    if (auto it = v.find("gates_signoff"); it != v.end() && it->is_boolean())
        s.gates_signoff = it->get<bool>();
    return s;
}

Quiz load_quiz(const content::Space& space, const content::Document& doc) {
    Diagnostics problems;
    Quiz q;
    q.bank = parse_gift(doc.body, doc.path, doc.body_first_line, problems);
    for (const auto& d : problems.items()) {
        if (d.severity == Severity::Error)
            throw Error(ErrorKind::InvalidContent, d.message + " (run: lectern lint)", d.where);
    }
    if (q.bank.gradable_count() == 0) {
        throw Error(ErrorKind::InvalidContent, "the quiz has no questions to ask",
                    {doc.path, doc.body_first_line, 1});
    }
    q.id = doc.id;
    q.title = doc.title;
    q.lang = doc.lang;
    q.path = doc.path;
    q.blob_id = doc.blob_id;
    q.settings = quiz_settings(doc);
    const content::Document* tested =
        q.settings.tests.empty() ? nullptr : space.find_by_id(q.settings.tests);
    for (std::size_t i = 0; i < q.bank.questions.size(); ++i) {
        const Question& question = q.bank.questions[i];
        if (question.pin) {
            if (auto ref = resolve_pin(space, *question.pin)) {
                q.reread.emplace(i, std::move(*ref));
                continue;
            }
        }
        if (tested) q.reread.emplace(i, SectionRef{tested->id, "", tested->title});
    }
    return q;
}

}  // namespace lectern::quiz
