#pragma once
// A trainer's grade of an essay in a recorded quiz attempt: a signed record of its own kind
// (quiz-grade) in the grader's own ledger branch, pointing at the attempt's record. Reports and
// xAPI read attempts with their grades applied; the server checks each grade against the
// attempt it names and the grader's role.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "ledger/keys.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/signing.hpp"
#include "quiz/report.hpp"

namespace lectern::content {
class ContentRepository;
}

namespace lectern::quiz {

/// What a quiz-grade record's signature means.
inline constexpr std::string_view kMeaningQuizGrade = "graded by me";

struct Grade {
    std::string attempt_record;  ///< id of the quiz-attempt record graded
    std::string attempt_agent;   ///< who made the attempt
    std::size_t question = 0;    ///< position of the essay among the attempt's questions
    int credit_permille = 0;     ///< 0..1000 of the essay's mark
    std::string comment;
};

struct RecordedGrade {
    std::string record_id;
    std::string grader;
    std::string signed_at;
    Grade grade;
};

/// The grade as the `details` of a quiz-grade record.
nlohmann::json grade_details(const Grade& grade);
/// Reads `details` back. Throws Error(InvalidContent) naming `source` when a field is missing,
/// has the wrong type or is out of range.
Grade grade_from_details(const nlohmann::json& details, const std::string& source);

/// Why `grade` does not fit `attempt` (no such question, not an essay, credit out of range),
/// or nullopt when it does.
std::optional<std::string> grade_refusal(const Attempt& attempt, const Grade& grade);

/// The essay of `attempt` to grade: `one_based` (as the grader names it), else the only essay
/// in the attempt. Throws Error(InvalidArgument) saying which to name.
std::size_t essay_to_grade(const Attempt& attempt, std::optional<std::size_t> one_based);

/// The quiz version the attempt in `attempt_record` was on, as a grade record points at it (the
/// same document, commit and blob). Throws Error(NotFound) when the repository lacks that
/// version (sync first).
ledger::DocumentToSign graded_quiz(const content::ContentRepository& repository,
                                   const ledger::Record& attempt_record);

/// A signing request for `grade`: kind quiz-grade, the grade as details.
ledger::SigningRequest grade_signing_request(ledger::DocumentToSign quiz, const Grade& grade,
                                             ledger::StoredKey key,
                                             const std::filesystem::path& ledger_folder);

/// The quiz-grade records among `records`, oldest first. Records whose details are not a grade
/// as Lectern writes them are skipped and logged on the ledger channel.
std::vector<RecordedGrade> recorded_grades(const std::vector<ledger::StoredRecord>& records);

/// Applies the grades to the attempts they name: each graded essay counts with the credit of
/// its latest grade, and score, pass and the essays waiting are recomputed; graded_by lists
/// the graders. A grade that does not fit its attempt is ignored (and logged).
void apply_grades(std::vector<RecordedAttempt>& attempts, const std::vector<RecordedGrade>& grades);

/// The attempts among `records` with their grades applied: what reports and xAPI show.
std::vector<RecordedAttempt> graded_attempts(const std::vector<ledger::StoredRecord>& records);

}  // namespace lectern::quiz
