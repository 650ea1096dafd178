#pragma once

#include <cstdint>
#include <optional>

#include "quiz/attempt.hpp"
#include "quiz/quiz.hpp"

namespace lectern::cli {

/// Runs one attempt in the terminal, reading answer lines from `answers_fd` (0: stdin) and
/// writing questions, feedback and the result to stdout. Returns nullopt (after saying why on
/// stderr) when no attempt is left. When the input ends early the attempt ends there: what was
/// seen counts, so looking at the questions and leaving is an attempt too.
std::optional<quiz::Attempt> run_quiz_in_terminal(const quiz::Quiz& quiz, std::uint64_t seed,
                                                  int attempts_made, int answers_fd);

}  // namespace lectern::cli
