#pragma once
// A quiz taken in its own window, one question at a time, keyboard first: number keys choose,
// Enter submits and goes on, Backspace undoes a choice, Esc closes. The logic is QuizSession's.

#include <functional>
#include <memory>
#include <string>

#include <wx/frame.h>

#include "content/space.hpp"
#include "quiz/quiz.hpp"
#include "quiz_session.hpp"

class wxTextCtrl;
class wxKeyEvent;

namespace lectern::desktop {

class PageView;

class QuizWindow : public wxFrame {
  public:
    /// Called with a document id and section when a "read again" link is followed.
    using OpenDocument = std::function<void(const std::string& id, const std::string& section)>;

    QuizWindow(wxWindow* parent, quiz::Quiz quiz, OpenDocument open_document);

    const QuizSession* session() const { return session_.get(); }
    /// The typed-answer box (for the GUI test, which types into it).
    wxTextCtrl* answer_box() const { return answer_; }

  private:
    void refresh();
    void on_char_hook(wxKeyEvent& event);

    quiz::Quiz quiz_;
    std::unique_ptr<QuizSession> session_;
    OpenDocument open_document_;
    PageView* view_ = nullptr;
    wxTextCtrl* answer_ = nullptr;
};

/// Opens `doc` (a quiz of `space`) in a QuizWindow. Returns the window, or nullptr after
/// telling the agent why the quiz cannot be taken (errors in it, no attempt left).
QuizWindow* open_quiz_window(wxWindow* parent, const content::Space& space,
                             const content::Document& doc, QuizWindow::OpenDocument open_document);

/// The open quiz window, or nullptr (for the GUI test).
QuizWindow* find_quiz_window();

}  // namespace lectern::desktop
