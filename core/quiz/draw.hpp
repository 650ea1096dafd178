#pragma once
// Which questions an attempt asks, in which order, with their options in which order.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "quiz/gift.hpp"
#include "quiz/quiz.hpp"

namespace lectern::quiz {

struct DrawnQuestion {
    std::size_t index = 0;  ///< into GiftBank::questions
    /// The order options are shown in: for multiple choice, indices into Question::answers;
    /// for matching, indices into match_options(). Empty for other kinds.
    std::vector<std::size_t> option_order;
};

/// Draws an attempt's questions. Descriptions are never drawn. With `pool_size`, that many
/// questions are drawn at random; with `shuffle`, questions and multiple-choice options are
/// shown in random order (else in the order written). Matching options are always shuffled,
/// or the order written would give the answers away. The same bank, settings and seed always
/// give the same draw, on every platform: the generator is our own (splitmix64), not the
/// standard library's distributions, whose results differ between implementations.
std::vector<DrawnQuestion> draw_questions(const GiftBank& bank, const QuizSettings& settings,
                                          std::uint64_t seed);

/// A seed for a new attempt from the operating system's random source.
std::uint64_t random_seed();

}  // namespace lectern::quiz
