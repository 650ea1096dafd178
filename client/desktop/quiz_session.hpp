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
    /// Where the finished attempt stands with the ledger, as the result page says it.
    enum class Record {
        Practice,         ///< this copy of the content has no published versions: not recorded
        Unsigned,         ///< waits for the passphrase (or was cancelled): nothing written
        Signing,          ///< the signature is being made
        WrongPassphrase,  ///< nothing written; Enter asks again
        Failed,           ///< could not be recorded (record_message() says why)
        Queued,           ///< signed and stored; waits for the next sync
        Kept,             ///< signed and stored on this computer (the sample content)
        OnServer,         ///< signed, and the server has it
    };

    /// Starts an attempt. Throws lectern::Error when no attempt is left (`attempts_made` on this
    /// version of the quiz, counted from the ledger).
    /// `clock`: where time comes from (tests give a fake one); default the system clock.
    QuizSession(const quiz::Quiz& quiz, std::uint64_t seed, int attempts_made = 0,
                Record record = Record::Practice, quiz::Clock clock = {});

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

    /// Esc before the end: the attempt ends with what was answered (it counts). False when it
    /// had ended already.
    bool give_up();
    /// Ends the attempt when its time limit has passed, as an answer given then would. True
    /// when it ended it now.
    bool end_if_time_is_up();

    Record record() const { return record_; }
    const std::string& record_message() const { return record_message_; }
    /// Whether Enter on the result page asks for the passphrase (again).
    bool may_sign() const;
    void set_record(Record record, std::string message = {});

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
    std::string record_html() const;

    quiz::QuizRunner runner_;
    std::vector<std::size_t> chosen_;
    Record record_;
    std::string record_message_;
};

}  // namespace lectern::desktop
