#include "progress/standing.hpp"

#include "content/history.hpp"
#include "content/review.hpp"
#include "content/space.hpp"
#include "lesson/completion_records.hpp"
#include "quiz/attempt_records.hpp"

namespace lectern::progress {

Standing standing_from(const content::Space& space, const content::ContentRepository& repository,
                       std::string_view space_name,
                       const std::vector<ledger::StoredRecord>& records, std::string_view agent) {
    Standing out;
    out.agent = agent;
    std::vector<ledger::StoredRecord> mine;
    for (const auto& stored : records) {
        if (stored.record.agent == agent && stored.record.space == space_name)
            mine.push_back(stored);
    }
    for (const auto& status :
         ledger::signoff_statuses(space, repository, space_name, mine, {std::string(agent)})) {
        out.signoffs[status.document_id] = status.state;
        if (status.signoff) out.signoff_records[status.document_id] = status.signoff->record.id;
    }
    // A pass counts on the quiz as it is now, as the sign-off gate counts it.
    out.attempts = quiz::attempt_outcomes(quiz::recorded_attempts(mine));
    for (const auto& outcome : out.attempts) {
        if (!outcome.passed) continue;
        const auto* quiz = space.find_by_id(outcome.quiz_id);
        if (quiz && quiz->blob_id == outcome.quiz_version) out.quizzes_passed.insert(quiz->id);
    }
    for (const auto& [lesson, record] : lesson::completed_lessons(mine, space_name, agent))
        out.lessons_completed.insert(lesson);
    return out;
}

Standing read_standing(const content::Space& space, const RecordPlace& place,
                       std::string_view agent) {
    const auto repository = content::ContentRepository::open(space.root());
    if (!repository) {
        Standing none;
        none.agent = agent;
        return none;
    }
    std::vector<ledger::StoredRecord> records;
    std::set<std::string> on_server;
    auto ledger = ledger::LocalLedger::open(place.ledger);
    if (ledger) {
        records = ledger::ledger_records(*ledger, agent);
        const std::string fetched = "refs/remotes/origin/agents/" + std::string(agent) + "/";
        for (const auto& ref : ledger->refs_under(fetched)) {
            for (const auto& stored : ledger->records_on(ref)) on_server.insert(stored.record.id);
        }
    }
    Standing out = standing_from(space, *repository, place.space, records, agent);
    for (const auto& stored : records) {
        if (stored.record.agent == agent && !on_server.contains(stored.record.id))
            out.waiting.insert(stored.record.id);
    }
    return out;
}

bool signoff_queued(const Standing& standing, const std::string& document_id) {
    const auto found = standing.signoff_records.find(document_id);
    return found != standing.signoff_records.end() && standing.waiting.contains(found->second);
}

Badges badges_of(const content::Document& doc, const Standing& standing, std::string_view today) {
    Badges badges;
    badges.stale = content::is_stale(doc, today);
    const auto found = standing.signoffs.find(doc.id);
    if (found == standing.signoffs.end()) return badges;
    badges.needs_resign = found->second == ledger::SignoffState::NeedsResign;
    badges.unsigned_ = found->second == ledger::SignoffState::Unsigned &&
                       doc.signoff == content::SignoffRule::Required;
    return badges;
}

}  // namespace lectern::progress
