#pragma once
// What an agent types at a question, turned into a Response: the terminal's answer lines.

#include <string>
#include <string_view>
#include <variant>

#include "quiz/runner.hpp"

namespace lectern::quiz {

/// Reads one typed line for the runner's current question:
/// - multiple choice: the shown number ("2"); with check boxes several ("1 3" or "1,3");
/// - true-false: "1"/"t"/"true" or "2"/"f"/"false" (any case);
/// - matching: one shown number per prompt, in order ("3 1 2"; "-" leaves one out);
/// - short answer, numerical, essay: the text as typed.
/// An empty line is no answer. Returns the Response, or a message saying what to type.
std::variant<Response, std::string> parse_typed_answer(const QuizRunner& runner,
                                                       std::string_view line);

}  // namespace lectern::quiz
