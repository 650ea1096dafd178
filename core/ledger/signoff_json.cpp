#include "ledger/signoff_json.hpp"

#include <nlohmann/json.hpp>

namespace lectern::ledger {

namespace {

nlohmann::json version_json(const content::DocumentVersion& v) {
    return {{"commit", v.commit},
            {"version", v.blob_id},
            {"date", content::rfc3339(v.time, v.utc_offset_minutes)},
            {"author", v.author},
            {"summary", v.summary},
            {"minor", v.minor}};
}

}  // namespace

nlohmann::json to_json(const SignoffStatus& s) {
    nlohmann::json out = {{"agent", s.agent},
                          {"document_id", s.document_id},
                          {"path", s.path},
                          {"title", s.title},
                          {"required", s.required},
                          {"state", std::string(to_string(s.state))},
                          {"current_version", s.current_blob},
                          {"signed", nullptr},
                          {"changes_since", nlohmann::json::array()}};
    if (s.signoff) {
        const Record& r = s.signoff->record;
        out["signed"] = {{"version", r.blob_id},
                         {"version_date",
                          s.signed_version ? content::rfc3339(s.signed_version->time,
                                                              s.signed_version->utc_offset_minutes)
                                           : std::string()},
                         {"signed_at", r.signed_at},
                         {"record_id", r.id},
                         {"commit", s.signoff->commit},
                         {"device", r.device}};
    }
    for (const auto& v : s.changes_since) out["changes_since"].push_back(version_json(v));
    return out;
}

}  // namespace lectern::ledger
