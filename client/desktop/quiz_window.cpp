#include "quiz_window.hpp"

#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "common/error.hpp"
#include "html_theme.hpp"
#include "page_view.hpp"
#include "progress/sign_quiz_attempt.hpp"
#include "quiz/draw.hpp"
#include "quiz/runner.hpp"
#include "unlocker.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {
const char* const kWindowName = "quiz-window";
}

QuizWindow::QuizWindow(wxWindow* parent, quiz::Quiz quiz, OpenDocument open_document,
                       std::optional<QuizRecording> recording, int attempts_made)
    : wxFrame(parent, wxID_ANY, to_wx(quiz.title), wxDefaultPosition, wxSize(760, 620),
              wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT, kWindowName),
      quiz_(std::move(quiz)),
      open_document_(std::move(open_document)) {
    if (recording) {
        recorder_ = std::make_unique<QuizRecorder>(
            this, std::move(*recording),
            [this](QuizSession::Record record, const std::string& message) {
                session_->set_record(record, message);
                refresh();
            });
    }
    session_ = std::make_unique<QuizSession>(
        quiz_, quiz::random_seed(), attempts_made,
        recorder_ ? QuizSession::Record::Unsigned : QuizSession::Record::Practice);
    view_ = new PageView(this);
    view_->SetName("quiz-view");
    view_->set_document_link_handler([this](const std::string& id, const std::string& section) {
        if (open_document_) open_document_(id, section);
    });
    answer_ =
        new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    answer_->SetName("quiz-answer");
    // TRANSLATORS: placeholder of the box where short answers and numbers are typed.
    answer_->SetHint(_("Your answer"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(view_, 1, wxEXPAND);
    sizer->Add(answer_, 0, wxEXPAND | wxALL, 6);
    SetSizer(sizer);
    Bind(wxEVT_CHAR_HOOK, &QuizWindow::on_char_hook, this);
    if (quiz_.settings.time_limit_minutes) {
        clock_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
            if (session_->end_if_time_is_up()) attempt_ended();
        });
        clock_.Start(1000);
    }
    refresh();
}

QuizWindow::~QuizWindow() {
    clock_.Stop();
}

std::string QuizWindow::record_id() const {
    return recorder_ ? recorder_->record_id() : std::string();
}

void QuizWindow::standing_changed(const progress::Standing* standing) {
    if (recorder_) recorder_->standing_changed(standing);
}

void QuizWindow::refresh() {
    view_->show(page(session_->page_html()));
    const bool typing = session_->wants_text();
    answer_->Show(typing);
    if (typing) {
        answer_->Clear();
        answer_->SetFocus();
    } else {
        view_->SetFocus();
    }
    Layout();
}

void QuizWindow::attempt_ended() {
    clock_.Stop();
    refresh();
    // The result is on screen first; then the passphrase is asked for, at that moment.
    if (recorder_) CallAfter([this] { ask_to_sign(); });
}

void QuizWindow::ask_to_sign() {
    if (recorder_ && session_->may_sign()) recorder_->sign(session_->runner().attempt());
}

void QuizWindow::on_char_hook(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    const bool finished = session_->state() == quiz::QuizRunner::State::Finished;
    if (key == WXK_ESCAPE) {
        // Leaving early ends the attempt with what was answered (it counts, as in the
        // terminal); on the result page Esc closes.
        if (session_->give_up()) {
            attempt_ended();
        } else if (session_->record() != QuizSession::Record::Signing) {
            Close();
        }
        return;
    }
    if (key == WXK_RETURN || key == WXK_NUMPAD_ENTER) {
        if (finished) {
            ask_to_sign();
            return;
        }
        const std::string typed = session_->wants_text() ? from_wx(answer_->GetValue()) : "";
        if (session_->press_enter(typed)) {
            if (session_->state() == quiz::QuizRunner::State::Finished) {
                attempt_ended();
            } else {
                refresh();
            }
        }
        return;
    }
    if (!session_->wants_text()) {
        int number = 0;
        if (key >= '1' && key <= '9') number = key - '0';
        if (key >= WXK_NUMPAD1 && key <= WXK_NUMPAD9) number = key - WXK_NUMPAD0;
        if (number > 0 && event.GetModifiers() == wxMOD_NONE) {
            if (session_->press_number(number)) refresh();
            return;
        }
        if (key == WXK_BACK) {
            if (session_->press_backspace()) refresh();
            return;
        }
    }
    event.Skip();
}

QuizWindow* open_quiz_window(wxWindow* parent, const content::Space& space,
                             const content::Document& doc, QuizWindow::OpenDocument open_document,
                             std::optional<QuizRecording> recording) {
    if (auto* open = find_quiz_window()) open->Destroy();
    try {
        quiz::Quiz quiz = quiz::load_quiz(space, doc);
        // Counted from the ledger, as `lectern quiz take` counts them; refused before any
        // window exists.
        const int made = recording
                             ? progress::quiz_attempts_made(
                                   recording->place, signing_identity().user, quiz.id, quiz.blob_id)
                             : 0;
        if (auto refusal = quiz::attempt_refusal(quiz, made))
            throw Error(ErrorKind::InvalidArgument, *refusal);
        auto* window = new QuizWindow(parent, std::move(quiz), std::move(open_document),
                                      std::move(recording), made);
        window->Show();
        window->Raise();
        return window;
    } catch (const Error& e) {
        wxMessageBox(to_wx(e.what()), _("This quiz cannot be taken"), wxOK | wxICON_WARNING,
                     parent);
        return nullptr;
    }
}

QuizWindow* find_quiz_window() {
    return dynamic_cast<QuizWindow*>(wxWindow::FindWindowByName(kWindowName));
}

}  // namespace lectern::desktop
