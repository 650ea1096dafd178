#include "quiz_window.hpp"

#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "common/error.hpp"
#include "html_theme.hpp"
#include "page_view.hpp"
#include "quiz/draw.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {
const char* const kWindowName = "quiz-window";
}

QuizWindow::QuizWindow(wxWindow* parent, quiz::Quiz quiz, OpenDocument open_document)
    : wxFrame(parent, wxID_ANY, to_wx(quiz.title), wxDefaultPosition, wxSize(760, 620),
              wxDEFAULT_FRAME_STYLE | wxFRAME_FLOAT_ON_PARENT, kWindowName),
      quiz_(std::move(quiz)),
      open_document_(std::move(open_document)) {
    // Attempts in the app are practice until it records them: none counted so far.
    session_ = std::make_unique<QuizSession>(quiz_, quiz::random_seed());
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
    refresh();
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

void QuizWindow::on_char_hook(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    if (key == WXK_ESCAPE) {
        Close();
        return;
    }
    if (key == WXK_RETURN || key == WXK_NUMPAD_ENTER) {
        const std::string typed = session_->wants_text() ? from_wx(answer_->GetValue()) : "";
        if (session_->press_enter(typed)) refresh();
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
                             const content::Document& doc, QuizWindow::OpenDocument open_document) {
    if (auto* open = find_quiz_window()) open->Destroy();
    try {
        auto* window =
            new QuizWindow(parent, quiz::load_quiz(space, doc), std::move(open_document));
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
