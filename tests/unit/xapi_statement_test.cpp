// xAPI statements of ledger records, checked against the requirements of the xAPI 1.0.3 spec
// (Part Two: Statement properties, Actor, Verb, Object, Result, Context, Timestamp).

#include <regex>

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "xapi/statement.hpp"

using namespace lectern;
using namespace lectern::xapi;

namespace {

bool is_iri(const nlohmann::json& v) {
    static const std::regex iri("^[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s]+$");
    return v.is_string() && std::regex_match(v.get<std::string>(), iri);
}

bool is_language_map(const nlohmann::json& v) {
    static const std::regex tag("^[a-zA-Z]{2,8}(-[a-zA-Z0-9]{1,8})*$");
    if (!v.is_object() || v.empty()) return false;
    for (const auto& [k, text] : v.items()) {
        if (!std::regex_match(k, tag) || !text.is_string()) return false;
    }
    return true;
}

// Every requirement of a statement that a Learning Record Provider must meet; returns what
// fails, empty when the statement is valid.
std::vector<std::string> violations(const nlohmann::json& s) {
    std::vector<std::string> out;
    auto need = [&](bool ok, const std::string& what) {
        if (!ok) out.push_back(what);
    };
    static const std::regex uuid(
        "^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    need(s.contains("id") && s["id"].is_string() &&
             std::regex_match(s["id"].get<std::string>(), uuid),
         "id must be an RFC 4122 UUID");
    // Actor: an Agent with exactly one inverse functional identifier.
    const auto& actor = s.value("actor", nlohmann::json());
    need(actor.is_object(), "actor is required");
    int ifis = 0;
    for (const char* k : {"mbox", "mbox_sha1sum", "openid", "account"}) ifis += actor.contains(k);
    need(ifis == 1, "actor has exactly one inverse functional identifier");
    need(actor.value("objectType", "Agent") == "Agent", "actor objectType is Agent");
    if (actor.contains("account")) {
        const auto& acc = actor["account"];
        need(acc.contains("homePage") && is_iri(acc["homePage"]) &&
                 acc["homePage"].get<std::string>().rfind("http", 0) == 0,
             "account.homePage is an IRL");
        need(acc.contains("name") && acc["name"].is_string() && !acc["name"].empty(),
             "account.name is a string");
    }
    // Verb: IRI id and a language map display.
    const auto& verb = s.value("verb", nlohmann::json());
    need(verb.contains("id") && is_iri(verb["id"]), "verb.id is an IRI");
    need(!verb.contains("display") || is_language_map(verb["display"]),
         "verb.display is a language map");
    // Object: an Activity with an IRI id.
    const auto& object = s.value("object", nlohmann::json());
    need(object.value("objectType", "Activity") == "Activity", "object is an Activity");
    need(object.contains("id") && is_iri(object["id"]), "object.id is an IRI");
    if (object.contains("definition")) {
        const auto& d = object["definition"];
        need(!d.contains("name") || is_language_map(d["name"]), "definition.name language map");
        need(!d.contains("type") || is_iri(d["type"]), "definition.type is an IRI");
    }
    // Result.
    if (s.contains("result")) {
        const auto& r = s["result"];
        if (r.contains("score")) {
            const auto& sc = r["score"];
            const double scaled = sc.value("scaled", 0.0);
            need(scaled >= -1 && scaled <= 1, "score.scaled is in -1..1");
            if (sc.contains("raw")) {
                need(sc.contains("min") && sc.contains("max") &&
                         sc["raw"].get<double>() >= sc["min"].get<double>() &&
                         sc["raw"].get<double>() <= sc["max"].get<double>(),
                     "score.raw is between min and max");
            }
        }
        for (const char* b : {"success", "completion"})
            need(!r.contains(b) || r[b].is_boolean(), std::string(b) + " is a boolean");
        if (r.contains("duration")) {
            static const std::regex dur("^P(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)$");
            need(std::regex_match(r["duration"].get<std::string>(), dur), "duration is ISO 8601");
        }
        if (r.contains("extensions")) {
            for (const auto& [k, v] : r["extensions"].items())
                need(is_iri(nlohmann::json(k)), "extension keys are IRIs");
        }
    }
    if (s.contains("context") && s["context"].contains("extensions")) {
        for (const auto& [k, v] : s["context"]["extensions"].items())
            need(is_iri(nlohmann::json(k)), "context extension keys are IRIs");
    }
    static const std::regex ts(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");
    need(s.contains("timestamp") && std::regex_match(s["timestamp"].get<std::string>(), ts),
         "timestamp is ISO 8601 with a time zone");
    for (const char* forbidden : {"stored", "authority"})
        need(!s.contains(forbidden), std::string(forbidden) + " is set by the LRS, not by us");
    return out;
}

RecordFacts record(const std::string& kind) {
    RecordFacts r;
    r.id = "0123456789abcdef0123456789abcdef";
    r.kind = kind;
    r.space = "northwind";
    r.agent = "maria";
    r.device = "laptop-1";
    r.document_id = kind == "quiz-attempt" ? "gdpr-basics" : "gdpr-customer-data";
    r.path = "procedures/gdpr-customer-data.md";
    r.title = "GDPR: customer data";
    r.lang = "en";
    r.content_commit = std::string(40, 'c');
    r.blob_id = std::string(40, 'b');
    r.meaning = "read and understood";
    r.signed_at = "2026-11-23T09:30:00Z";
    return r;
}

const StatementOptions kOptions{"https://lectern.northwind.example"};

}  // namespace

TEST(Xapi, SignoffIsExperienced) {
    const auto s = statement(record("signoff"), kOptions);
    EXPECT_TRUE(violations(s).empty()) << violations(s).front() << "\n" << s.dump(2);
    EXPECT_EQ(s["verb"]["id"], kVerbExperienced);
    EXPECT_EQ(s["actor"]["account"]["name"], "maria");
    EXPECT_EQ(s["object"]["id"],
              "https://lectern.northwind.example/spaces/northwind/documents/gdpr-customer-data");
    EXPECT_EQ(s["timestamp"], "2026-11-23T09:30:00Z");
}

TEST(Xapi, LessonCompletionIsCompleted) {
    const auto s = statement(record("lesson-completion"), kOptions);
    EXPECT_TRUE(violations(s).empty()) << s.dump(2);
    EXPECT_EQ(s["verb"]["id"], kVerbCompleted);
    EXPECT_EQ(s["result"]["completion"], true);
}

TEST(Xapi, QuizAttemptPassedOrFailedWithScoreAndDuration) {
    RecordFacts r = record("quiz-attempt");
    r.details = {{"score_permille", 850},
                 {"passed", true},
                 {"timed_out", false},
                 {"to_be_graded", 1},
                 {"started_at", "2026-11-23T09:00:00Z"},
                 {"finished_at", "2026-11-23T09:12:30Z"},
                 {"questions", {{{"answered", true}}}}};
    auto s = statement(r, kOptions);
    EXPECT_TRUE(violations(s).empty()) << s.dump(2);
    EXPECT_EQ(s["verb"]["id"], kVerbPassed);
    EXPECT_EQ(s["result"]["score"]["scaled"], 0.85);
    EXPECT_EQ(s["result"]["score"]["raw"], 85.0);
    EXPECT_EQ(s["result"]["success"], true);
    EXPECT_EQ(s["result"]["duration"], "PT12M30S");
    EXPECT_EQ(s["object"]["definition"]["type"], "http://adlnet.gov/expapi/activities/assessment");

    r.details["passed"] = false;
    s = statement(r, kOptions);
    EXPECT_TRUE(violations(s).empty());
    EXPECT_EQ(s["verb"]["id"], kVerbFailed);
    EXPECT_EQ(s["result"]["success"], false);

    r.details["questions"] = {{{"answered", false}}};
    s = statement(r, kOptions);
    EXPECT_EQ(s["verb"]["id"], kVerbAttempted);
    EXPECT_TRUE(violations(s).empty());
}

TEST(Xapi, StatementIdIsAStableVersion4UuidOfTheRecordId) {
    const std::string id = statement_id("0123456789abcdef0123456789abcdef");
    EXPECT_EQ(id, "01234567-89ab-4def-8123-456789abcdef");
    EXPECT_EQ(statement_id("ffffffffffffffffffffffffffffffff"),
              "ffffffff-ffff-4fff-bfff-ffffffffffff");
}

TEST(Xapi, UnknownKindIsRefused) {
    EXPECT_THROW(statement(record("gossip"), kOptions), Error);
}

TEST(Xapi, ValidatorCatchesABrokenStatement) {
    // The checker itself must be able to fail.
    auto s = statement(record("signoff"), kOptions);
    s["actor"]["mbox"] = "mailto:maria@example.org";
    s["timestamp"] = "yesterday";
    EXPECT_EQ(violations(s).size(), 2u);
}
