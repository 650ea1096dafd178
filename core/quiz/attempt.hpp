#pragma once
// One attempt at a quiz: what was asked, what was answered, the score. Its JSON form is the
// `details` of a quiz-attempt record in the ledger (integers and strings only, because what is
// signed is canonical JSON, which has no fractions).

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "quiz/gift.hpp"
#include "quiz/quiz.hpp"
#include "quiz/scoring.hpp"

namespace lectern::quiz {

struct AnsweredQuestion {
    std::size_t index = 0;  ///< into the bank of the quiz version taken
    std::string key;        ///< Question::key(), for reports across versions
    QuestionKind kind = QuestionKind::Description;
    std::vector<std::size_t> option_order;
    bool answered = false;
    Response response;
    int credit_permille = 0;
    bool needs_grading = false;
};

struct Attempt {
    std::string quiz_id;
    std::string quiz_version;  ///< blob id of the quiz file
    std::uint64_t seed = 0;
    std::vector<AnsweredQuestion> questions;
    int score_permille = 0;  ///< of the questions scored automatically (essays left out)
    int pass_mark_permille = 0;
    bool passed = false;
    bool timed_out = false;
    std::size_t to_be_graded = 0;  ///< essays waiting for a trainer
    std::string started_at;        ///< RFC 3339 UTC
    std::string finished_at;
    std::vector<SectionRef> reread;  ///< sections to read again after a failed attempt
};

/// Adds up the questions' credits into score, passed and to_be_graded.
void total_up(Attempt& attempt);

/// The attempt as the `details` object of a quiz-attempt ledger record.
nlohmann::json attempt_details(const Attempt& attempt);
/// Reads `details` back (quiz_id and quiz_version come from the record's document id and blob
/// id). Throws Error(InvalidContent) naming `source` when a field is missing or has the wrong
/// type.
Attempt attempt_from_details(const nlohmann::json& details, const std::string& quiz_id,
                             const std::string& quiz_version, const std::string& source);

/// RFC 3339 UTC to the second: 2026-11-23T09:30:00Z.
std::string rfc3339_utc(std::chrono::system_clock::time_point when);

}  // namespace lectern::quiz
