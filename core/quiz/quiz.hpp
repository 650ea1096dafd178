#pragma once
// A quiz ready to be taken: its settings from the front matter and its parsed question bank.

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "quiz/gift.hpp"

namespace lectern::content {
class Space;
struct Document;
}  // namespace lectern::content

namespace lectern::quiz {

/// The settings of the optional front matter, with the defaults a plain Moodle export gets.
struct QuizSettings {
    int pass_mark_permille = 800;           ///< `pass_mark` (percent) × 10; default 80 %
    std::optional<std::size_t> pool_size;   ///< questions drawn per attempt; default all
    bool shuffle = false;                   ///< shuffle questions and their options
    std::optional<int> attempts;            ///< attempts allowed per version; default unlimited
    std::optional<int> time_limit_minutes;  ///< default none
    std::string tests;                      ///< id of the procedure or lesson the quiz tests
    bool gates_signoff = false;  ///< `tests` (a procedure) can be signed only after a pass
};

/// A section a failed attempt sends the agent back to.
struct SectionRef {
    std::string document;  ///< document id
    std::string anchor;    ///< empty: the whole document
    std::string title;     ///< the document's title, then " › " and the section's heading

    bool operator==(const SectionRef&) const = default;
};

struct Quiz {
    std::string id;
    std::string title;
    std::string lang;
    std::string path;
    std::string blob_id;  ///< the quiz's version
    QuizSettings settings;
    GiftBank bank;
    /// For each question (index into bank.questions), the section to reread when it is missed:
    /// its pin, else the document the quiz tests. Absent when neither names anything.
    std::map<std::size_t, SectionRef> reread;
};

/// Reads the settings from a quiz document's front matter (already schema-checked).
QuizSettings quiz_settings(const content::Document& doc);

/// The quiz of a loaded document. Throws Error(InvalidContent) naming file:line when the GIFT
/// has errors (run `lectern lint`), or when it has no question to ask.
Quiz load_quiz(const content::Space& space, const content::Document& doc);

}  // namespace lectern::quiz
