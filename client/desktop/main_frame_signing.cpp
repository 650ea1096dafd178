// The main window's sign-offs: where the agent stands (read by core off the UI thread) drawn as
// library badges, path progress and the sign bar under a procedure; signing by Ctrl+Enter.

#include "document_panel.hpp"
#include "labels.hpp"
#include "library_model.hpp"
#include "library_panel.hpp"
#include "main_frame.hpp"
#include "path_model.hpp"
#include "path_panel.hpp"
#include "progress/record_place.hpp"
#include "quiz_window.hpp"
#include "sign_bar.hpp"
#include "sign_controller.hpp"
#include "standing_session.hpp"
#include "sync_controller.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

void MainFrame::build_signing() {
    standing_ = std::make_unique<StandingSession>([this] { on_standing_changed(); });
    signer_ = std::make_unique<SignController>(
        this, document_->view(), document_->sign_bar(), *standing_,
        [this] {
            refresh_standing();
            sync_now();  // send it, in a synced space
        },
        [this](const std::string& quiz_id) { open_document(quiz_id, {}); });
}

void MainFrame::open_quiz(std::shared_ptr<const content::Space> space,
                          const content::Document& doc) {
    // Where attempts are recorded: the place of the sign-offs (none for a plain folder, whose
    // attempts are practice).
    std::optional<QuizRecording> recording;
    if (const auto place = progress::record_place(space->root())) {
        recording = QuizRecording{space, *place, [this] {
                                      refresh_standing();
                                      sync_now();  // send it, in a synced space
                                  }};
    }
    open_quiz_window(
        this, *space, doc,
        [this](const std::string& id, const std::string& section) { open_document(id, section); },
        std::move(recording));
}

void MainFrame::refresh_standing() {
    standing_->refresh(space_);
}

void MainFrame::lesson_recorded() {
    refresh_standing();
    sync_now();  // send it, in a synced space
}

void MainFrame::on_standing_changed() {
    if (!space_) return;
    library_->show(to_wx(space_->manifest().title),
                   library_groups(space_, today_iso(), standing_->standing()));
    if (auto here = history_.current()) library_->select(*here);
    if (view_ == View::Path && !path_panel_->path_id().empty()) {
        if (const auto* path = find_path(*space_, path_panel_->path_id()))
            path_panel_->show(path->id, path_overview(*space_, *path, standing_->standing(),
                                                      path_start_date(), today_iso()));
    }
    signer_->standing_changed();
    if (auto* quiz = find_quiz_window()) quiz->standing_changed(standing_->standing());
    if (const auto& place = standing_->place(); place && place->sample)
        sync_->sample_records(standing_->standing() ? standing_->standing()->waiting.size() : 0);
    show_sync_summary();
}

void MainFrame::sign_current() {
    if (view_ == View::Document) signer_->sign();
}

std::string MainFrame::library_label(const std::string& id) const {
    for (View view : {View::Document, View::Script}) {
        const wxString label = library_->label_of({view, id});
        if (!label.empty()) return from_wx(label);
    }
    return {};
}

std::string MainFrame::sign_message() const {
    return from_wx(document_->sign_bar().message());
}

bool MainFrame::sign_ready() const {
    return document_->sign_bar().mode() == SignBar::Mode::Ready;
}

bool MainFrame::shows_signed() const {
    return document_->sign_bar().mode() == SignBar::Mode::Signed;
}

bool MainFrame::sign_waits_for_quiz() const {
    return document_->sign_bar().mode() == SignBar::Mode::QuizFirst;
}

bool MainFrame::standing_known() const {
    return standing_->standing() != nullptr;
}

std::string MainFrame::path_progress_text() const {
    return from_wx(path_panel_->progress_text());
}

}  // namespace lectern::desktop
