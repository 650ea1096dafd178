#pragma once
// A quiz taken in its own window, one question at a time, keyboard first: number keys choose,
// Enter submits and goes on, Backspace undoes a choice, Esc ends the attempt and then closes.
// In a space with a ledger (the sample content, a synced space) the finished attempt is signed
// with the passphrase typed at that moment and recorded (QuizRecorder); elsewhere it is
// practice. The logic is QuizSession's.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <wx/frame.h>
#include <wx/timer.h>

#include "content/space.hpp"
#include "quiz/quiz.hpp"
#include "quiz_recorder.hpp"
#include "quiz_session.hpp"

class wxTextCtrl;
class wxKeyEvent;

namespace lectern::desktop {

class PageView;

class QuizWindow : public wxFrame {
  public:
    /// Called with a document id and section when a "read again" link is followed.
    using OpenDocument = std::function<void(const std::string& id, const std::string& section)>;

    /// `recording` absent: practice. `attempts_made`: recorded on this version of the quiz
    /// (open_quiz_window() counts them and refuses when none is left).
    QuizWindow(wxWindow* parent, quiz::Quiz quiz, OpenDocument open_document,
               std::optional<QuizRecording> recording, int attempts_made);
    ~QuizWindow() override;

    const QuizSession* session() const { return session_.get(); }
    /// The typed-answer box (for the GUI test, which types into it).
    wxTextCtrl* answer_box() const { return answer_; }
    /// The id of the record this attempt was stored as, once signed (for the GUI test).
    std::string record_id() const;
    /// The main window's standing changed (after a signature or a sync).
    void standing_changed(const progress::Standing* standing);

  private:
    void refresh();
    void attempt_ended();
    void ask_to_sign();
    void on_char_hook(wxKeyEvent& event);

    quiz::Quiz quiz_;
    std::unique_ptr<QuizSession> session_;
    OpenDocument open_document_;
    PageView* view_ = nullptr;
    wxTextCtrl* answer_ = nullptr;
    wxTimer clock_;  // ends the attempt when the time limit passes without a key pressed
    std::unique_ptr<QuizRecorder> recorder_;  // last: gone before the session it reports to
};

/// Opens `doc` (a quiz of `space`) in a QuizWindow, counting the attempts already recorded at
/// `recording`'s place (none: practice). Returns the window, or nullptr after telling the agent
/// why the quiz cannot be taken (errors in it, no attempt left).
QuizWindow* open_quiz_window(wxWindow* parent, const content::Space& space,
                             const content::Document& doc, QuizWindow::OpenDocument open_document,
                             std::optional<QuizRecording> recording);

/// The open quiz window, or nullptr (for the GUI test).
QuizWindow* find_quiz_window();

}  // namespace lectern::desktop
