#pragma once
// Ledger records as xAPI statements (xAPI 1.0.3), for clients whose LMS or learning record
// store takes them in: one statement per record, with ADL's standard verbs.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lectern::xapi {

/// The fields of a ledger record a statement is made of.
struct RecordFacts {
    std::string id;    ///< 32 hex digits
    std::string kind;  ///< "signoff", "quiz-attempt" or "lesson-completion"
    std::string space;
    std::string agent;
    std::string device;
    std::string document_id;
    std::string path;
    std::string title;
    std::string lang;  ///< of the document; "und" when unknown
    std::string content_commit;
    std::string blob_id;
    std::string meaning;
    std::string signed_at;  ///< RFC 3339
    nlohmann::json details = nlohmann::json::object();
    /// Quiz attempts: who graded its essays (their grades are counted in details' score).
    std::vector<std::string> graded_by;
};

struct StatementOptions {
    /// The Lectern server's URL (an IRL, no trailing '/'): the home page of the agents'
    /// accounts, and the base of activity and extension IRIs.
    std::string home_page;
};

inline constexpr const char* kVerbExperienced = "http://adlnet.gov/expapi/verbs/experienced";
inline constexpr const char* kVerbAttempted = "http://adlnet.gov/expapi/verbs/attempted";
inline constexpr const char* kVerbPassed = "http://adlnet.gov/expapi/verbs/passed";
inline constexpr const char* kVerbFailed = "http://adlnet.gov/expapi/verbs/failed";
inline constexpr const char* kVerbCompleted = "http://adlnet.gov/expapi/verbs/completed";

/// The statement of one record:
/// - a sign-off: the agent *experienced* the procedure's version (the meaning in context);
/// - a lesson completion: *completed*;
/// - a quiz attempt: *passed* or *failed*, with the score (scaled 0..1 and raw 0..100), success,
///   completion and duration; *attempted* when no question was answered. Graded essays are
///   counted in the score; the graders are the extension `graded-by`.
/// The statement id is the record id made into a version-4 UUID (its version and variant bits
/// set), so exporting twice gives the same ids and an LRS keeps one copy. The actor is
/// identified by an account (home page + user name), never by an e-mail address.
/// Throws Error(InvalidArgument) for an unknown kind.
nlohmann::json statement(const RecordFacts& record, const StatementOptions& options);

/// A record id (32 hex digits) as the UUID the statement uses.
std::string statement_id(const std::string& record_id);

}  // namespace lectern::xapi
