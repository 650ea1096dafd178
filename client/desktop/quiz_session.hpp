#pragma once
// The app's quiz view without widgets: keys in (numbers choose, Enter submits and goes on,
// Backspace undoes a choice), the page to show out. QuizWindow draws it; tests drive it directly.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "quiz/runner.hpp"

namespace lectern::desktop {

class QuizSession {
  public:
    /// Starts an attempt. Throws lectern::Error when no attempt is left.
    QuizSession(const quiz::Quiz& quiz, std::uint64_t seed, int attempts_made = 0);

    const quiz::QuizRunner& runner() const { return runner_; }
    quiz::QuizRunner::State state() const { return runner_.state(); }

    /// True when the current question is answered by typing (short answer, number, essay).
    bool wants_text() const;
    /// A number key (1–9): chooses that option (check boxes: toggles it; matching: gives it to
    /// the next item). False when it means nothing here.
    bool press_number(int number);
    /// Backspace: undoes the last choice. False when there is none.
    bool press_backspace();
    /// Enter: submits the answer (with `typed` for typed questions), or goes on from the
    /// feedback. False when nothing happened (nothing chosen yet, or finished).
    bool press_enter(const std::string& typed = {});

    /// Chosen options (shown positions, 0-based) of the current question.
    const std::vector<std::size_t>& chosen() const { return chosen_; }

    /// The page for the current state, as the HTML subset the app's page view shows:
    /// the question and its numbered options; the feedback; or the score, pass or fail and the
    /// sections to reread as lectern://document links.
    std::string page_html() const;

  private:
    std::string question_html() const;
    std::string feedback_html() const;
    std::string result_html() const;

    quiz::QuizRunner runner_;
    std::vector<std::size_t> chosen_;
};

}  // namespace lectern::desktop
