#pragma once
// Moodle GIFT question banks: the model and the parser.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.hpp"

namespace lectern::quiz {

enum class QuestionKind {
    MultipleChoice,  ///< one or several right answers among `~` and `=` options, maybe weighted
    TrueFalse,
    ShortAnswer,  ///< only `=` answers: any of them, compared without case
    Matching,     ///< `=left -> right` pairs
    Numerical,    ///< `{#...}`: a value with tolerance, or a range
    Essay,        ///< `{}`: recorded, graded by a trainer
    Description,  ///< no answer block: text shown between questions
};

/// "multiple-choice", "true-false", ...
std::string_view to_string(QuestionKind kind);

/// How the question text is written: `[markdown]`, `[html]`, `[plain]` or `[moodle]` (default).
enum class TextFormat { Moodle, Markdown, Html, Plain };

struct Answer {
    std::string text;      ///< option text; for matching, the left side
    std::string match;     ///< matching: the right side
    double weight = 0;     ///< percent of the question's marks, -100..100
    std::string feedback;  ///< shown when this answer is chosen
    // Numerical answers: a value with a tolerance, or a range [min, max].
    double value = 0;
    double tolerance = 0;
    std::optional<double> range_min;
    std::optional<double> range_max;
};

/// A question pinned to the section of a document it tests, from a comment line above it:
/// `// section: gdpr-customer-data#identify-the-caller reviewed: 3f2a9c1b4d5e`. Lint warns
/// when the section's text no longer has the reviewed hash (see quiz/section_pins.hpp).
struct SectionPin {
    std::string document;  ///< id of the procedure or lesson
    std::string anchor;    ///< the section's anchor, as links write it
    std::string reviewed;  ///< hash of the section's text when the question was last reviewed
    SourceLocation where;  ///< the comment line
};

struct Question {
    QuestionKind kind = QuestionKind::Description;
    std::string title;
    std::string idnumber;           ///< `// [id:...]` as Moodle writes it, else empty
    std::vector<std::string> tags;  ///< `// [tag:...]` comments
    std::string category;           ///< from the last `$CATEGORY:` line before it
    TextFormat format = TextFormat::Moodle;
    std::string text;        ///< the question (before the answer block)
    std::string text_after;  ///< missing-word questions: the text after the blank
    std::vector<Answer> answers;
    bool truth = false;          ///< true-false: the right answer
    std::string feedback_wrong;  ///< true-false
    std::string feedback_right;  ///< true-false
    std::string general_feedback;
    /// Multiple choice without any `=` answer: several may be chosen (check boxes), each
    /// adding its weight, as Moodle reads it. Otherwise exactly one is chosen.
    bool multiple_answers = false;
    std::optional<SectionPin> pin;
    int line = 0;  ///< where the question starts in the file

    /// What reports call the question across versions: its Moodle id number, else its
    /// title, else the start of its text.
    std::string key() const;

    /// A missing-word question: the answer block stands inside the text.
    bool is_missing_word() const { return !text_after.empty(); }
};

struct GiftBank {
    std::vector<Question> questions;

    /// Questions that can be asked (descriptions are not).
    std::size_t gradable_count() const;
};

/// Parses GIFT text whose first line is line `first_line` of `file`. Every problem is
/// reported with its line and column and the parse goes on with the next question; questions
/// with errors are left out. Never throws on input.
GiftBank parse_gift(std::string_view text, const std::string& file, int first_line,
                    Diagnostics& out);

}  // namespace lectern::quiz
