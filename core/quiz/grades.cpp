#include "quiz/grades.hpp"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/log.hpp"
#include "content/history.hpp"
#include "ledger/layout.hpp"
#include "ledger/record.hpp"
#include "quiz/attempt_records.hpp"

namespace lectern::quiz {

namespace {

bool is_record_id(const std::string& s) {
    return s.size() == 32 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

}  // namespace

nlohmann::json grade_details(const Grade& grade) {
    return {{"attempt", grade.attempt_record},
            {"attempt_agent", grade.attempt_agent},
            {"question", grade.question},
            {"credit_permille", grade.credit_permille},
            {"comment", grade.comment}};
}

Grade grade_from_details(const nlohmann::json& d, const std::string& source) {
    const auto bad = [&](const std::string& what) {
        return Error(ErrorKind::InvalidContent, source + ": the grade's " + what);
    };
    if (!d.is_object()) throw bad("details are not an object");
    Grade g;
    if (!d.contains("attempt") || !d["attempt"].is_string() ||
        !is_record_id(d["attempt"].get<std::string>()))
        throw bad("attempt must be the 32-hex-digit id of a quiz-attempt record");
    g.attempt_record = d["attempt"].get<std::string>();
    if (!d.contains("attempt_agent") || !d["attempt_agent"].is_string())
        throw bad("attempt_agent must be a user name");
    g.attempt_agent = d["attempt_agent"].get<std::string>();
    if (!d.contains("question") || !d["question"].is_number_unsigned())
        throw bad("question must be a whole number");
    g.question = d["question"].get<std::size_t>();
    if (!d.contains("credit_permille") || !d["credit_permille"].is_number_integer())
        throw bad("credit_permille must be a whole number");
    g.credit_permille = d["credit_permille"].get<int>();
    if (g.credit_permille < 0 || g.credit_permille > 1000)
        throw bad("credit_permille must be 0 to 1000");
    if (!d.contains("comment") || !d["comment"].is_string()) throw bad("comment must be text");
    g.comment = d["comment"].get<std::string>();
    if (d.size() != 5) throw bad("details have fields a grade does not have");
    return g;
}

std::optional<std::string> grade_refusal(const Attempt& attempt, const Grade& grade) {
    if (grade.question >= attempt.questions.size())
        return "the attempt has " + std::to_string(attempt.questions.size()) +
               " questions, no question " + std::to_string(grade.question + 1);
    if (attempt.questions[grade.question].kind != QuestionKind::Essay)
        return "question " + std::to_string(grade.question + 1) +
               " of the attempt is not an essay: only essays are graded by a trainer";
    if (grade.credit_permille < 0 || grade.credit_permille > 1000)
        return "a grade is 0 to 1 point (the essay's mark)";
    return std::nullopt;
}

std::size_t essay_to_grade(const Attempt& attempt, std::optional<std::size_t> one_based) {
    std::vector<std::size_t> essays;
    for (std::size_t i = 0; i < attempt.questions.size(); ++i) {
        if (attempt.questions[i].kind == QuestionKind::Essay) essays.push_back(i);
    }
    if (one_based) {
        if (*one_based == 0 || *one_based > attempt.questions.size() ||
            std::find(essays.begin(), essays.end(), *one_based - 1) == essays.end())
            throw Error(ErrorKind::InvalidArgument,
                        "question " + std::to_string(*one_based) +
                            " of the attempt is not an essay" +
                            (essays.empty() ? std::string(" (the attempt has none)")
                                            : " (its essays: " +
                                                  [&] {
                                                      std::string list;
                                                      for (auto e : essays)
                                                          list += (list.empty() ? "" : ", ") +
                                                                  std::to_string(e + 1);
                                                      return list;
                                                  }() +
                                                  ")"));
        return *one_based - 1;
    }
    if (essays.empty())
        throw Error(ErrorKind::InvalidArgument,
                    "the attempt has no essay: only essays are graded by a trainer");
    if (essays.size() > 1) {
        std::string list;
        for (auto e : essays) list += (list.empty() ? "" : ", ") + std::to_string(e + 1);
        throw Error(ErrorKind::InvalidArgument, "the attempt has several essays (questions " +
                                                    list + "): name one with --question N");
    }
    return essays.front();
}

ledger::DocumentToSign graded_quiz(const content::ContentRepository& repository,
                                   const ledger::Record& attempt_record) {
    auto text = repository.read_blob(attempt_record.blob_id);
    if (!text)
        throw Error(ErrorKind::NotFound,
                    "the version of " + attempt_record.path + " the attempt was on (" +
                        attempt_record.blob_id.substr(0, 12) +
                        ") is not in this copy of the content: sync, then grade");
    ledger::DocumentToSign out;
    out.space = attempt_record.space;
    out.document_id = attempt_record.document_id;
    out.path = attempt_record.path;
    out.title = attempt_record.title;
    out.content_commit = attempt_record.content_commit;
    out.blob_id = attempt_record.blob_id;
    out.text = std::move(*text);
    return out;
}

ledger::SigningRequest grade_signing_request(ledger::DocumentToSign quiz, const Grade& grade,
                                             ledger::StoredKey key,
                                             const std::filesystem::path& ledger_folder) {
    ledger::SigningRequest r;
    r.document = std::move(quiz);
    r.key = std::move(key);
    r.ledger = ledger_folder;
    r.kind = std::string(ledger::kKindQuizGrade);
    r.meaning = std::string(kMeaningQuizGrade);
    r.details = grade_details(grade);
    return r;
}

std::vector<RecordedGrade> recorded_grades(const std::vector<ledger::StoredRecord>& records) {
    std::vector<RecordedGrade> out;
    for (const auto& stored : records) {
        const ledger::Record& r = stored.record;
        if (r.kind != ledger::kKindQuizGrade) continue;
        try {
            out.push_back({r.id, r.agent, r.signed_at,
                           grade_from_details(r.details, ledger::record_file_path(r.id))});
        } catch (const Error& e) {
            log::warning(log::kLedger, std::string("quiz grade skipped: ") + e.what());
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const RecordedGrade& a, const RecordedGrade& b) {
        return a.signed_at < b.signed_at;
    });
    return out;
}

void apply_grades(std::vector<RecordedAttempt>& attempts,
                  const std::vector<RecordedGrade>& grades) {
    std::map<std::string, RecordedAttempt*> by_id;
    for (auto& a : attempts) by_id[a.record_id] = &a;
    // Oldest first, so the latest grade of an essay is the one that stays.
    std::vector<const RecordedGrade*> ordered;
    for (const auto& g : grades) ordered.push_back(&g);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto* a, const auto* b) { return a->signed_at < b->signed_at; });
    std::map<RecordedAttempt*, std::map<std::size_t, std::string>> graders;
    for (const RecordedGrade* g : ordered) {
        const auto found = by_id.find(g->grade.attempt_record);
        if (found == by_id.end()) continue;  // an attempt this reader does not see
        RecordedAttempt& a = *found->second;
        if (a.agent != g->grade.attempt_agent) continue;
        if (auto why = grade_refusal(a.attempt, g->grade)) {
            log::warning(log::kLedger, "grade " + g->record_id + " ignored: " + *why);
            continue;
        }
        AnsweredQuestion& q = a.attempt.questions[g->grade.question];
        q.credit_permille = g->grade.credit_permille;
        q.needs_grading = false;
        graders[&a][g->grade.question] = g->grader;
    }
    for (auto& [attempt, by_question] : graders) {
        total_up(attempt->attempt);
        attempt->graded_by.clear();
        for (const auto& [question, grader] : by_question) {
            if (std::find(attempt->graded_by.begin(), attempt->graded_by.end(), grader) ==
                attempt->graded_by.end())
                attempt->graded_by.push_back(grader);
        }
    }
}

std::vector<RecordedAttempt> graded_attempts(const std::vector<ledger::StoredRecord>& records) {
    auto attempts = recorded_attempts(records);
    apply_grades(attempts, recorded_grades(records));
    return attempts;
}

}  // namespace lectern::quiz
