#include "xapi/statement.hpp"

#include <cstdlib>
#include <ctime>

#include "common/error.hpp"

namespace lectern::xapi {

namespace {

nlohmann::json verb(const char* id, const char* word) {
    return {{"id", id}, {"display", {{"en-US", word}}}};
}

// Seconds since the epoch of an RFC 3339 UTC time written as 2026-11-23T09:30:00Z.
std::optional<std::time_t> parse_utc(const std::string& s) {
    std::tm tm{};
    if (s.size() != 20 || s.back() != 'Z') return std::nullopt;
    if (!strptime(s.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return std::nullopt;
    return timegm(&tm);
}

// ISO 8601 duration, as xAPI wants it: PT1H2M3S.
std::string iso_duration(long seconds) {
    std::string out = "PT";
    if (seconds >= 3600) out += std::to_string(seconds / 3600) + "H";
    if (seconds % 3600 >= 60) out += std::to_string(seconds % 3600 / 60) + "M";
    out += std::to_string(seconds % 60) + "S";
    return out;
}

std::string lang_or_und(const std::string& lang) {
    return lang.empty() ? "und" : lang;
}

}  // namespace

std::string statement_id(const std::string& record_id) {
    std::string hex = record_id;
    hex.resize(32, '0');
    hex[12] = '4';  // version 4
    const int variant = 8 + (std::strtol(hex.substr(16, 1).c_str(), nullptr, 16) & 3);
    hex[16] = "0123456789abcdef"[variant];
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

nlohmann::json statement(const RecordFacts& r, const StatementOptions& options) {
    const std::string base = options.home_page;
    const std::string ext = base + "/xapi/extensions/";
    nlohmann::json object = {{"objectType", "Activity"},
                             {"id", base + "/spaces/" + r.space + "/documents/" + r.document_id},
                             {"definition", {{"name", {{lang_or_und(r.lang), r.title}}}}}};
    nlohmann::json result = nlohmann::json::object();
    nlohmann::json v;
    if (r.kind == "signoff") {
        v = verb(kVerbExperienced, "experienced");
        result = {{"completion", true}};
    } else if (r.kind == "lesson-completion") {
        v = verb(kVerbCompleted, "completed");
        object["definition"]["type"] = "http://adlnet.gov/expapi/activities/lesson";
        result = {{"completion", true}};
    } else if (r.kind == "quiz-attempt") {
        object["definition"]["type"] = "http://adlnet.gov/expapi/activities/assessment";
        const auto& d = r.details;
        const int permille = d.value("score_permille", 0);
        const bool passed = d.value("passed", false);
        bool any_answered = false;
        if (auto it = d.find("questions"); it != d.end() && it->is_array()) {
            for (const auto& q : *it) any_answered |= q.value("answered", false);
        }
        v = !any_answered ? verb(kVerbAttempted, "attempted")
            : passed      ? verb(kVerbPassed, "passed")
                          : verb(kVerbFailed, "failed");
        result = {
            {"score",
             {{"scaled", permille / 1000.0}, {"raw", permille / 10.0}, {"min", 0}, {"max", 100}}},
            {"success", passed},
            {"completion", any_answered && !d.value("timed_out", false)}};
        const auto start = parse_utc(d.value("started_at", ""));
        const auto end = parse_utc(d.value("finished_at", ""));
        if (start && end && *end >= *start)
            result["duration"] = iso_duration(static_cast<long>(*end - *start));
        if (d.value("to_be_graded", 0) > 0)
            result["extensions"][ext + "essays-to-grade"] = d.value("to_be_graded", 0);
        if (!r.graded_by.empty()) result["extensions"][ext + "graded-by"] = r.graded_by;
    } else {
        throw Error(ErrorKind::InvalidArgument,
                    "record " + r.id + " is of kind '" + r.kind + "', which has no xAPI verb");
    }
    nlohmann::json context = {{"platform", "Lectern"},
                              {"extensions",
                               {{ext + "record-id", r.id},
                                {ext + "device", r.device},
                                {ext + "path", r.path},
                                {ext + "content-commit", r.content_commit},
                                {ext + "blob-id", r.blob_id},
                                {ext + "meaning", r.meaning}}}};
    if (!r.lang.empty()) context["language"] = r.lang;
    return {{"id", statement_id(r.id)},
            {"actor",
             {{"objectType", "Agent"},
              {"name", r.agent},
              {"account", {{"homePage", base}, {"name", r.agent}}}}},
            {"verb", v},
            {"object", object},
            {"result", result},
            {"context", context},
            {"timestamp", r.signed_at}};
}

}  // namespace lectern::xapi
