#pragma once
// Taking a quiz, without any UI: question → answer → feedback → next → … → result.
// The terminal and the desktop app both drive this one state machine.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "quiz/attempt.hpp"
#include "quiz/draw.hpp"
#include "quiz/quiz.hpp"

namespace lectern::quiz {

using Clock = std::function<std::chrono::system_clock::time_point()>;

struct RunnerOptions {
    std::uint64_t seed = 0;
    /// Where time comes from (tests give a fake clock); default: the system clock.
    Clock clock;
    /// Attempts the agent already made on this version of the quiz.
    int attempts_made = 0;
};

/// Why an attempt cannot start, or nullopt when it can.
std::optional<std::string> attempt_refusal(const Quiz& quiz, int attempts_made);

class QuizRunner {
  public:
    enum class State {
        Question,  ///< a question waits for an answer
        Feedback,  ///< the answer was scored; next() goes on
        Finished,  ///< result() is ready
    };

    /// Starts an attempt on a copy of `quiz`: draws the questions and starts the clock. Throws
    /// Error(InvalidArgument) with attempt_refusal()'s words when no attempt is left.
    QuizRunner(const Quiz& quiz, RunnerOptions options);

    State state() const { return state_; }
    /// 0-based position of the current question and how many are drawn.
    std::size_t position() const { return position_; }
    std::size_t count() const { return drawn_.size(); }
    const Quiz& quiz() const { return quiz_; }
    const Question& question() const;
    /// The options of the current question in the order shown: multiple-choice answers,
    /// "True"/"False", or a matching question's right sides. Empty for typed answers.
    std::vector<std::string> options() const;
    /// The left sides of a matching question's pairs, in order.
    std::vector<std::string> match_prompts() const;
    /// Turns choices by shown position (0-based) into a Response: for multiple choice the
    /// positions chosen; for true-false {0} is True, {1} False; for matching one position per
    /// prompt (nullopt for none).
    Response response_for_choices(const std::vector<std::size_t>& positions) const;
    Response response_for_matches(const std::vector<std::optional<std::size_t>>& positions) const;

    /// Time left, or nullopt without a time limit.
    std::optional<std::chrono::seconds> time_left() const;

    /// Scores the answer and moves to Feedback. When the time is up, the answer is not taken
    /// and the attempt finishes (timed out). Throws Error(InvalidArgument) outside Question.
    void submit(const Response& response);
    /// The scored answer, in Feedback.
    const QuestionResult& feedback() const;
    /// Feedback → the next question, or Finished after the last.
    void next();
    /// Ends now (the agent gives up, or the window closes): unanswered questions score nothing.
    void finish();

    /// The attempt so far; complete in Finished.
    const Attempt& attempt() const { return attempt_; }

  private:
    std::chrono::system_clock::time_point now() const;
    bool time_is_up() const;
    void close(bool timed_out);

    Quiz quiz_;
    RunnerOptions options_;
    std::vector<DrawnQuestion> drawn_;
    std::size_t position_ = 0;
    State state_ = State::Question;
    QuestionResult last_;
    std::chrono::system_clock::time_point started_;
    Attempt attempt_;
};

}  // namespace lectern::quiz
