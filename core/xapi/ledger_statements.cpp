#include "xapi/ledger_statements.hpp"

#include <map>

#include "content/space.hpp"
#include "ledger/record.hpp"
#include "quiz/attempt.hpp"
#include "quiz/grades.hpp"

namespace lectern::xapi {

RecordFacts facts_of(const ledger::Record& r, const content::Space* space) {
    RecordFacts f;
    f.id = r.id;
    f.kind = r.kind;
    f.space = r.space;
    f.agent = r.agent;
    f.device = r.device;
    f.document_id = r.document_id;
    f.path = r.path;
    f.title = r.title;
    f.content_commit = r.content_commit;
    f.blob_id = r.blob_id;
    f.meaning = r.meaning;
    f.signed_at = r.signed_at;
    f.details = r.details;
    if (space) {
        if (const content::Document* doc = space->find_by_id(r.document_id)) f.lang = doc->lang;
    }
    return f;
}

nlohmann::json statements(const std::vector<ledger::StoredRecord>& records,
                          const content::Space* space, const StatementOptions& options) {
    // A trainer's grade is no statement of its own: the attempt's statement carries the score
    // with the graded essays counted, and who graded them.
    std::map<std::string, quiz::RecordedAttempt> graded;
    for (auto& a : quiz::graded_attempts(records)) {
        if (!a.graded_by.empty()) graded.emplace(a.record_id, std::move(a));
    }
    nlohmann::json out = nlohmann::json::array();
    for (const auto& stored : records) {
        if (stored.record.kind == ledger::kKindQuizGrade) continue;
        RecordFacts facts = facts_of(stored.record, space);
        if (const auto g = graded.find(stored.record.id); g != graded.end()) {
            const quiz::Attempt& a = g->second.attempt;
            facts.details["score_permille"] = a.score_permille;
            facts.details["passed"] = a.passed;
            facts.details["to_be_graded"] = a.to_be_graded;
            facts.graded_by = g->second.graded_by;
        }
        out.push_back(statement(facts, options));
    }
    return out;
}

}  // namespace lectern::xapi
