#pragma once
// A record of the ledger: one signed statement by an agent about one version of one document
// (a sign-off, a quiz attempt, a lesson completion). The format is in docs/ledger.md and
// schemas/ledger-record.schema.json; what is signed is canonical_json(record).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lectern::ledger {

class SigningKey;

inline constexpr int kRecordFormat = 1;
inline constexpr std::string_view kKindSignoff = "signoff";
inline constexpr std::string_view kKindQuizAttempt = "quiz-attempt";
inline constexpr std::string_view kKindLessonCompletion = "lesson-completion";
/// A trainer's grade of an essay in a quiz attempt (quiz/grades.hpp).
inline constexpr std::string_view kKindQuizGrade = "quiz-grade";
/// The meaning of a sign-off's signature, as the agent is shown it before signing.
inline constexpr std::string_view kMeaningReadAndUnderstood = "read and understood";

struct Record {
    int format = kRecordFormat;
    std::string id;      ///< 32 lowercase hex digits, random (new_record_id())
    std::string kind;    ///< kKindSignoff, kKindQuizAttempt, kKindLessonCompletion, kKindQuizGrade
    std::string space;   ///< the space's name on the server
    std::string agent;   ///< the user name of the agent who signs
    std::string device;  ///< the device whose key signs
    std::string document_id;     ///< the document's front-matter id
    std::string path;            ///< the document's file inside the space
    std::string title;           ///< the title the agent saw
    std::string content_commit;  ///< the content commit the document was read at (40 hex)
    std::string blob_id;         ///< the git blob id of the document's file: its exact version
    std::string meaning;         ///< what the signature means, e.g. "read and understood"
    std::string signed_at;       ///< client clock, RFC 3339 UTC to the second (utc_timestamp())
    std::string public_key;      ///< the signer's Ed25519 public key, base64
    nlohmann::json details = nlohmann::json::object();  ///< fields of this kind of record
    std::string signature;  ///< Ed25519 over canonical_json(*this), base64; empty until signed
};

/// What is signed: every field but `signature`, as canonical JSON (sorted keys, no
/// whitespace, UTF-8). Throws Error(InvalidArgument) for a fraction or bad UTF-8 in details.
std::string canonical_json(const Record& record);

/// The text of records/<id>.json: the canonical JSON of every field, signature included,
/// followed by one newline. parse_record() accepts exactly this form.
std::string record_file_text(const Record& record);

/// Sets `public_key` to `key`'s public key and `signature` to its signature of
/// canonical_json(record). Throws like canonical_json().
void sign_record(Record& record, const SigningKey& key);

/// Reads a record file. It must be valid against schemas/ledger-record.schema.json and written
/// exactly as record_file_text() writes it (so one record has one byte form). Throws
/// Error(InvalidContent) located at `source`, saying which field is wrong. Does not check the
/// signature: see verify_signature().
Record parse_record(std::string_view text, std::string_view source);

/// Whether `signature` is a valid Ed25519 signature of canonical_json(record) by `public_key`.
/// Says nothing about whether that key belongs to the agent: the server checks registration.
bool verify_signature(const Record& record);

/// A new random record id: 32 lowercase hex digits.
std::string new_record_id();

/// The current time of this machine's clock as RFC 3339 UTC to the second: 2026-11-23T09:30:00Z.
std::string utc_timestamp();

}  // namespace lectern::ledger
