#pragma once
// Scoring one answered question, as Moodle scores GIFT questions.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "quiz/gift.hpp"

namespace lectern::quiz {

/// What the agent answered. Indices are into Question::answers (never the order shown).
struct Response {
    std::vector<std::size_t> chosen;  ///< multiple choice: one index, or several for check boxes
    std::optional<bool> truth;        ///< true-false
    std::string text;                 ///< short answer, numerical, essay
    /// Matching: for each pair (in matching_pairs() order), the index into match_options()
    /// of the right side chosen, or nullopt when left unanswered.
    std::vector<std::optional<std::size_t>> matches;

    /// Nothing was answered (an unanswered question scores nothing).
    bool empty() const;
};

/// The scored answer. Credit is in thousandths of the question's mark (0..1000), an integer
/// so attempts add up and are signed without rounding differences.
struct QuestionResult {
    int credit_permille = 0;
    bool needs_grading = false;  ///< essays: recorded for a trainer, not in the score
    /// Feedback for what was chosen (per-answer, or true-false's right/wrong feedback), then
    /// the question's general feedback.
    std::vector<std::string> feedback;

    bool full_credit() const { return credit_permille >= 1000; }
};

/// Indices (into Question::answers) of a matching question's pairs, leaving out distractors
/// (answers written `= -> extra`).
std::vector<std::size_t> matching_pairs(const Question& q);
/// The distinct right sides of a matching question, in the order written.
std::vector<std::string> match_options(const Question& q);

/// Parses what an agent typed as a number: `12`, `-3.5`, `3,5` (a decimal comma).
std::optional<double> parse_typed_number(const std::string& typed);

/// The right answer in words, shown after a wrong one: "Win+L", "True", "a → 1; b → 2",
/// "15 (± 2)", "28 to 31"; several accepted answers joined by " / ". Empty for essays.
std::string right_answer_text(const Question& q);

/// Scores a response:
/// - multiple choice, one answer: the chosen answer's weight; several answers (check boxes):
///   the sum of the chosen answers' weights, so wrong choices with negative weights take back
///   credit. A question never scores below 0 or above its mark.
/// - true-false: all or nothing. Short answer: the weight of the first accepted answer equal
///   to the typed text, ignoring case and runs of spaces.
/// - numerical: the highest weight among the answers whose value ± tolerance or range holds
///   the typed number. Matching: the share of pairs matched right.
/// - essay: no credit, needs_grading. Description: nothing to score.
QuestionResult score_question(const Question& q, const Response& r);

}  // namespace lectern::quiz
