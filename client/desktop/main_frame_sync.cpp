// The main window's sync: the strip with progress and Cancel, the status bar's sync field, and
// after a sync that brought changes, the space read again and what changed said in words.

#include <wx/intl.h>

#include "common/error.hpp"
#include "document_panel.hpp"
#include "html_theme.hpp"
#include "main_frame.hpp"
#include "progress/sync_summary.hpp"
#include "set_aside_dialog.hpp"
#include "settings.hpp"
#include "space_session.hpp"
#include "standing_session.hpp"
#include "sync/local_paths.hpp"
#include "sync_controller.hpp"
#include "sync_panel.hpp"
#include "sync_text.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {
constexpr int kSyncField = 2;  // status bar: 0 documents or changes, 1 messages, 2 sync
}

void MainFrame::build_sync() {
    sync_ = std::make_unique<SyncController>(
        *sync_panel_,
        SyncController::Handlers{[this](const wxString& text) { SetStatusText(text, kSyncField); },
                                 [this](const sync::SyncReport& report) { on_synced(report); }});
}

void MainFrame::on_space_settled() {
    if (!space_) return;
    const auto& place = standing_->place();
    sync_->space_ready(space_->root(), place && place->sample, settings_.sync_interval_minutes());
}

void MainFrame::open_synced_space(const std::string& space) {
    sync::SpacePaths paths;
    try {
        paths = sync::space_paths(space);
    } catch (const std::exception& e) {
        on_space_failed(e.what());
        return;
    }
    std::error_code ec;
    if (std::filesystem::exists(paths.content / "lectern.yaml", ec)) {
        load_space(paths.content);
        return;
    }
    // TRANSLATORS: the page shown while a space is copied from the server the first time.
    const wxString getting =
        wxString::Format(_("Getting \u201c%s\u201d from the server"), to_wx(space));
    SetStatusText(getting + "\u2026", 0);
    document_->show({}, page("<h1>" + escape_html(from_wx(getting)) + "</h1><p>" +
                             escape_html(from_wx(_("The first sync copies every document to this "
                                                   "computer, so that it works offline from then "
                                                   "on. F5 tries again if it fails."))) +
                             "</p>"));
    awaiting_first_sync_ = true;
    sync_->first_sync(space, paths.content, settings_.sync_interval_minutes());
}

void MainFrame::on_synced(const sync::SyncReport& report) {
    if (!space_) {
        // The first sync of a space opened by open_synced_space(): its copy is here now.
        if (awaiting_first_sync_) load_space(sync_->content_root());
        awaiting_first_sync_ = false;
        return;
    }
    if (report.up_to_date()) {
        sync_summary_ = _("No changes");
        SetStatusText(sync_summary_, 0);
        refresh_standing();  // records the server now has are no longer queued
        return;
    }
    // The copy on disk is new: read it again; the summary waits for the agent's standing in
    // the new content (what needs a signature now).
    pending_changes_ = std::make_unique<sync::ContentChanges>(report.changes);
    keep_place_for_reload();
    load_space(space_->root(), false, true);
}

void MainFrame::keep_place_for_reload() {
    resume_.reset();
    const auto here = history_.current();
    // Search results and the History view are left as they are found after the reload.
    if (!here || (view_ != View::Document && view_ != View::Script && view_ != View::Path)) return;
    resume_ = Resume{*here, {}, {}};
    if (view_ == View::Document) {
        resume_->place = document_->reading_place();
        resume_->html = document_->page_html();
    }
}

bool MainFrame::resume_after_reload() {
    if (!resume_) return false;
    const Resume was = std::move(*resume_);
    resume_.reset();
    if (was.where.view != View::Path && !space_->find_by_id(was.where.id)) return false;
    open(was.where, false);
    // The same page: the same pixel; a changed one: the same heading (reading_place.hpp).
    if (view_ == View::Document && current_id() == was.where.id)
        document_->resume(was.place, was.html);
    return true;
}

void MainFrame::show_sync_summary() {
    const auto* standing = standing_->standing();
    if (!pending_changes_ || !space_) return;
    const progress::Standing none;
    sync_summary_ = sync_summary_text(
        progress::summarize(*pending_changes_, *space_, standing ? *standing : none));
    pending_changes_.reset();
    SetStatusText(sync_summary_, 0);
}

void MainFrame::sync_now() {
    sync_->sync_now();
}

void MainFrame::cancel_sync() {
    sync_->cancel();
}

void MainFrame::show_records_set_aside() {
    SetAsideDialog dialog(this, set_aside_rows(sync_->records_set_aside(), space_.get()),
                          to_wx(sync_->refusal()));
    dialog.ShowModal();
    if (dialog.chosen()) open_document(*dialog.chosen(), {});
}

const SyncController& MainFrame::sync_controller() const {
    return *sync_;
}

std::string MainFrame::sync_summary() const {
    return from_wx(sync_summary_);
}

}  // namespace lectern::desktop
