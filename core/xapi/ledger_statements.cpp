#include "xapi/ledger_statements.hpp"

#include "content/space.hpp"

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
    nlohmann::json out = nlohmann::json::array();
    for (const auto& stored : records)
        out.push_back(statement(facts_of(stored.record, space), options));
    return out;
}

}  // namespace lectern::xapi
