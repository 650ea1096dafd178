// The main window's widgets and how they are wired: search box on top, library on the left,
// a book of views (document, script, path, search results) on the right.

#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>

#include "document_panel.hpp"
#include "history_controller.hpp"
#include "history_panel.hpp"
#include "lesson_storyboard.hpp"
#include "library_panel.hpp"
#include "lock_panel.hpp"
#include "main_frame.hpp"
#include "path_panel.hpp"
#include "script_controller.hpp"
#include "script_panel.hpp"
#include "search_controller.hpp"
#include "search_panel.hpp"
#include "settings.hpp"
#include "sync_panel.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

void MainFrame::build_layout() {
    auto* root = new wxPanel(this);
    search_ = new wxSearchCtrl(root, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxTE_PROCESS_ENTER);
    search_->SetName("search-box");
    // TRANSLATORS: hint in the empty search box.
    search_->SetDescriptiveText(_("Search titles (Ctrl+K or /)"));
    search_->ChangeValue(to_wx(settings_.last_search()));

    splitter_ = new wxSplitterWindow(root, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxSP_LIVE_UPDATE | wxSP_THIN_SASH);
    splitter_->SetMinimumPaneSize(160);
    library_ = new LibraryPanel(splitter_);
    pages_ = new wxSimplebook(splitter_);
    document_ = new DocumentPanel(pages_);
    script_panel_ = new ScriptPanel(pages_);
    path_panel_ = new PathPanel(pages_);
    search_panel_ = new SearchPanel(pages_);
    history_panel_ = new HistoryPanel(pages_);
    // The order is page_of()'s in main_frame.cpp.
    pages_->AddPage(document_, wxString());
    pages_->AddPage(script_panel_, wxString());
    pages_->AddPage(path_panel_, wxString());
    pages_->AddPage(search_panel_, wxString());
    pages_->AddPage(history_panel_, wxString());
    splitter_->SplitVertically(library_, pages_, 320);
    splitter_->SetSashGravity(0.0);

    sync_panel_ = new SyncPanel(root);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(search_, 0, wxEXPAND | wxALL, 8);
    sizer->Add(splitter_, 1, wxEXPAND);
    sizer->Add(sync_panel_, 0, wxEXPAND);
    root->SetSizer(sizer);
    content_ = root;

    // Locked, the window shows this panel instead of `root`: no content is left on screen.
    lock_panel_ = new LockPanel(this);
    lock_panel_->Hide();
    auto* frame_sizer = new wxBoxSizer(wxVERTICAL);
    frame_sizer->Add(root, 1, wxEXPAND);
    frame_sizer->Add(lock_panel_, 1, wxEXPAND);
    SetSizer(frame_sizer);
    build_lock();
    build_signing();
    build_sync();

    script_ = std::make_unique<ScriptController>(*script_panel_);
    versions_ = std::make_unique<HistoryController>(*history_panel_);
    searcher_ = std::make_unique<SearchController>([this](const std::string& query,
                                                          const std::vector<SearchHit>& hits,
                                                          const std::string& error) {
        const auto shown_from = std::chrono::steady_clock::now();
        search_panel_->show_results(query, hits, error);
        if (search_key_time_ && !searcher_->busy()) {
            using Ms = std::chrono::duration<double, std::milli>;
            const auto now = std::chrono::steady_clock::now();
            keystroke_latencies_ms_.push_back(Ms(now - *search_key_time_).count());
            keystroke_traces_.push_back({query, Ms(now - *search_key_time_).count(),
                                         searcher_->last_search_ms(), Ms(now - shown_from).count(),
                                         hits.size()});
            search_key_time_.reset();
        }
    });

    auto follow = [this](const std::string& id, const std::string& section) {
        open_document(id, section);
    };
    document_->view().set_document_link_handler(follow);
    script_panel_->step_view().set_document_link_handler(follow);
    script_panel_->whole_view().set_document_link_handler(follow);
    library_->set_open_handler([this](const Location& where) { open(where); });
    path_panel_->on_open = [this](const Location& where) { open(where); };
    search_panel_->on_open = [this](const SearchHit& hit) {
        // A hit inside a lesson opens it at the step that matched.
        open_document(hit.document_id, hit.step >= 0 ? lesson_step_section(hit.step) : "",
                      highlight_terms(from_wx(search_->GetValue()), hit.snippet));
    };
    search_->Bind(wxEVT_TEXT, &MainFrame::on_search_text, this);
    apply_font_size();
}

}  // namespace lectern::desktop
