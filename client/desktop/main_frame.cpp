#include "main_frame.hpp"

#include <wx/intl.h>
#include <wx/simplebook.h>
#include <wx/srchctrl.h>
#include <wx/statusbr.h>

#include "common/diagnostic.hpp"
#include "content/document_links.hpp"
#include "document_page.hpp"
#include "document_panel.hpp"
#include "history_controller.hpp"
#include "history_panel.hpp"
#include "html_theme.hpp"
#include "labels.hpp"
#include "lesson_window.hpp"
#include "library_model.hpp"
#include "library_panel.hpp"
#include "lock_controller.hpp"
#include "path_model.hpp"
#include "path_panel.hpp"
#include "quiz/gift.hpp"
#include "quiz/quiz.hpp"
#include "quiz_window.hpp"
#include "script_controller.hpp"
#include "script_panel.hpp"
#include "search_controller.hpp"
#include "search_panel.hpp"
#include "settings.hpp"
#include "sign_controller.hpp"
#include "space_session.hpp"
#include "standing_session.hpp"
#include "status_bar.hpp"
#include "sync_controller.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

// Page order in the content book.
int page_of(View view) {
    switch (view) {
        case View::Welcome:
        case View::Document:
            return 0;
        case View::Script:
            return 1;
        case View::Path:
            return 2;
        case View::Search:
            return 3;
        case View::History:
            return 4;
    }
    return 0;
}

// The quiz and the documents its questions' section pins and its `tests` name.
std::vector<std::string> quiz_and_its_documents(const content::Document& quiz) {
    std::vector<std::string> ids{quiz.id};
    Diagnostics ignored;  // the quiz window reports what is wrong with the quiz
    for (const auto& question :
         quiz::parse_gift(quiz.body, quiz.path, quiz.body_first_line, ignored).questions) {
        if (question.pin) ids.push_back(question.pin->document);
    }
    if (const std::string tested = quiz::quiz_settings(quiz).tests; !tested.empty())
        ids.push_back(tested);
    return ids;
}

}  // namespace

MainFrame::MainFrame(Settings& settings, std::optional<SpaceOpening> opening)
    : wxFrame(nullptr, wxID_ANY, "Lectern", wxDefaultPosition, settings.window_size()),
      settings_(settings) {
    SetName("lectern-main");
    build_menu();
    build_layout();
    CreateStatusBar(3);
    const int widths[] = {-4, -3, -3};
    SetStatusWidths(3, widths);
    if (opening) SetStatusText(_("Loading the content\u2026"), 0);
    Bind(wxEVT_CHAR_HOOK, &MainFrame::on_char_hook, this);
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
    session_ = std::make_unique<SpaceSession>(SpaceSession::Handlers{
        [this](std::shared_ptr<SearchBackend> index) { on_space_loaded(std::move(index)); },
        [this](const std::string& message) { on_space_failed(message); },
        [this](std::shared_ptr<SearchBackend> index, bool changed) {
            on_index_ready(std::move(index), changed);
        },
        [this](const std::string& message) { on_index_failed(message); },
        [this](std::size_t problems) { on_content_checked(problems); }});
    if (opening) session_->load(std::move(*opening));
}

void MainFrame::load_space(std::filesystem::path root, bool sample, bool fresh) {
    session_->load(std::move(root), sample, fresh);
}

MainFrame::~MainFrame() = default;

wxStatusBar* MainFrame::OnCreateStatusBar(int fields, long style, wxWindowID id,
                                          const wxString& name) {
    auto* bar = new StatusBar(this, id, style, name);
    bar->SetFieldsCount(fields);
    return bar;
}

void MainFrame::on_space_loaded(std::shared_ptr<SearchBackend> index) {
    space_ = session_->space();
    SetTitle(wxString::Format("%s \u2014 Lectern", to_wx(space_->manifest().title)));
    library_->show(to_wx(space_->manifest().title), library_groups(space_, today_iso()));
    refresh_standing();  // badges, path progress and the sign bar once the ledger is read
    use_search(std::move(index));
    lock_->set_limit(std::chrono::minutes(space_->manifest().auto_lock_minutes));
    show_document_count();
    SetStatusText(wxString(), 1);
    if (resume_after_reload()) return;
    const std::string last = settings_.last_document();
    if (!last.empty() && space_->find_by_id(last)) {
        open_document(last, {});
    } else {
        open({View::Welcome, {}});
    }
}

void MainFrame::show_document_count() {
    const int documents = static_cast<int>(space_->documents().size());
    SetStatusText(wxString::Format(wxPLURAL("%d document", "%d documents", documents), documents),
                  0);
}

void MainFrame::use_search(std::shared_ptr<SearchBackend> index) {
    if (!index) {
        searcher_->set_backend(make_title_search(space_));
        return;
    }
    searcher_->set_backend(with_fallback(index, make_title_search(space_)));
    search_->SetDescriptiveText(_("Search (Ctrl+K or /)"));
    search_panel_->set_full_text(true);
}

void MainFrame::on_index_ready(std::shared_ptr<SearchBackend> index, bool changed) {
    if (changed) {
        // Files changed since the index was written: list them as they are now.
        space_ = session_->space();
        refresh_standing();  // redraws the library and the path with the badges
        show_document_count();
    }
    on_space_settled();  // sync after the index is written: one writer at a time
    if (!index) return;
    use_search(std::move(index));
    if (view_ == View::Search) searcher_->search(from_wx(search_->GetValue()));
}

void MainFrame::on_index_failed(const std::string& message) {
    on_space_settled();
    // TRANSLATORS: status bar; the search box still finds titles.
    SetStatusText(
        wxString::Format(_("Search index unavailable, searching titles: %s"), to_wx(message)), 1);
}

void MainFrame::on_content_checked(std::size_t problems) {
    if (problems == 0) return;
    // TRANSLATORS: in the status bar when some files of the content could not be read.
    SetStatusText(
        wxString::Format(wxPLURAL("%d problem in the content: run \u201clectern lint\u201d",
                                  "%d problems in the content: run \u201clectern lint\u201d",
                                  static_cast<int>(problems)),
                         static_cast<int>(problems)),
        1);
}

void MainFrame::on_space_failed(const std::string& message) {
    SetStatusText(_("The content could not be loaded."), 0);
    document_->show({}, page("<h1>" + escape_html(from_wx(_("The content could not be loaded."))) +
                             "</h1><p>" + escape_html(message) + "</p>"));
    show_view(View::Welcome);
}

void MainFrame::open_document(const std::string& id, const std::string& section,
                              const HighlightTerms& terms) {
    if (!space_) return;
    const auto* listed = space_->find_by_id(id);
    if (!listed) return;
    if (listed->type == content::DocumentType::Quiz ||
        listed->type == content::DocumentType::Lesson) {
        // The library lists documents without their text: read the file as it is now.
        const auto doc = session_->read_document(id);
        if (!doc) return;
        if (doc->type == content::DocumentType::Quiz) {  // taken in a window of its own
            // Its questions name sections of other documents to read again: their text too.
            const auto quiz_space = session_->read_documents(quiz_and_its_documents(*doc));
            const auto* quiz = quiz_space->find_by_id(id);
            if (!quiz) return;
            open_quiz(quiz_space, *quiz);
        } else {  // storyboard and player of its own
            open_lesson_window(this, space_, *doc, step_of_section(section),
                               [this] { lesson_recorded(); });
        }
        return;
    }
    highlight_ = terms;
    open({listed->type == content::DocumentType::Script ? View::Script : View::Document, id});
    highlight_ = {};
    if (!section.empty() && view_ == View::Document) document_->view().scroll_to(section);
}

void MainFrame::show_history() {
    if (!space_ || (view_ != View::Document && view_ != View::Script)) return;
    const std::string id = current_id();
    if (!id.empty()) open({View::History, id});
}

void MainFrame::open(const Location& where, bool record) {
    if (!space_) return;
    switch (where.view) {
        case View::Welcome:
            document_->show({}, welcome_page_html(*space_));
            signer_->document_shown(space_, nullptr);
            break;
        case View::Document:
        case View::Script: {
            // The library lists documents without their text: read the file as it is now.
            const auto read = session_->read_document(where.id);
            if (!read) return;
            const content::Document* doc = &*read;
            if (doc->type == content::DocumentType::Lesson) {
                open_lesson_window(this, space_, *doc, 0, [this] { lesson_recorded(); });
                return;
            }
            if (where.view == View::Script) {
                script_->open(space_, *doc);
            } else {
                document_->show(doc->id, document_page_html(*space_, *doc, today_iso()),
                                highlight_);
                document_->set_headings(heading_anchors(*doc));
                signer_->document_shown(space_, space_->find_by_id(doc->id));
            }
            settings_.set_last_document(doc->id);
            break;
        }
        case View::Path: {
            const auto* path =
                where.id.empty() ? default_path(*space_) : find_path(*space_, where.id);
            if (path) {
                path_panel_->show(path->id, path_overview(*space_, *path, standing_->standing(),
                                                          path_start_date(), today_iso()));
            } else {
                path_panel_->show_none();
            }
            break;
        }
        case View::Search:
            focus_search();
            return;
        case View::History: {
            const auto* doc = space_->find_by_id(where.id);
            if (!doc) return;
            versions_->open(space_, *doc);
            break;
        }
    }
    if (record) history_.visit(where);
    library_->select(where);
    show_view(where.view);
}

std::string MainFrame::path_start_date() {
    // Neither the server nor the ledger knows when an agent started: the first day the path
    // was seen on this computer stands for it, and Preferences can correct it.
    if (settings_.start_date().empty()) {
        settings_.set_start_date(today_iso());
        settings_.flush();
    }
    return settings_.start_date();
}

void MainFrame::show_view(View view) {
    view_ = view;
    pages_->SetSelection(page_of(view));
    switch (view) {
        case View::Welcome:
        case View::Document:
            document_->view().SetFocus();
            break;
        case View::Script:
            script_panel_->focus_first_choice();
            break;
        case View::Path:
            path_panel_->focus_list();
            break;
        case View::Search:
            break;
        case View::History:
            history_panel_->focus_list();
            break;
    }
}

void MainFrame::go_back() {
    if (view_ == View::Search) {
        leave_search();
        return;
    }
    if (view_ == View::Script && script_->back()) return;
    if (auto previous = history_.back()) open(*previous, false);
}

void MainFrame::show_links() {
    if (!space_ || (view_ != View::Document && view_ != View::Script)) return;
    const auto doc = session_->read_document(current_id());
    if (!doc) return;
    std::vector<SearchHit> hits;
    for (const auto* linked : content::linked_documents(*space_, *doc))
        hits.push_back({linked->id, linked->type, linked->title, linked->summary});
    view_ = View::Search;
    pages_->SetSelection(page_of(View::Search));
    search_panel_->show_list(
        wxString::Format(
            _("Documents linked from \u201c%s\u201d: arrows choose, Enter opens, Esc goes back."),
            to_wx(doc->title)),
        hits);
    search_panel_->focus_list();
}

void MainFrame::focus_search() {
    search_->SetFocus();
    search_->SelectAll();
    view_ = View::Search;
    pages_->SetSelection(page_of(View::Search));
    searcher_->search(from_wx(search_->GetValue()));
}

void MainFrame::leave_search() {
    settings_.set_last_search(from_wx(search_->GetValue()));
    if (auto here = history_.current()) {
        open(*here, false);
    } else {
        open({View::Welcome, {}}, false);
    }
}

void MainFrame::on_search_text(wxCommandEvent&) {
    if (view_ != View::Search) {
        view_ = View::Search;
        pages_->SetSelection(page_of(View::Search));
    }
    searcher_->search(from_wx(search_->GetValue()));
}

void MainFrame::change_font_size(int delta) {
    settings_.set_font_size(settings_.font_size() + delta);
    apply_font_size();
}

void MainFrame::apply_font_size() {
    const int points = settings_.font_size();
    document_->view().set_font_size(points);
    script_panel_->set_font_size(points);
    history_panel_->set_font_size(points);
}

std::string MainFrame::current_id() const {
    switch (view_) {
        case View::Document:
            return document_->document_id();
        case View::Script:
            return script_->document_id();
        case View::Path:
            return path_panel_->path_id();
        case View::History:
            return versions_->document_id();
        default:
            return {};
    }
}

std::string MainFrame::script_step() const {
    return script_->current_step();
}

bool MainFrame::script_shows_whole() const {
    return script_panel_->showing_whole();
}

bool MainFrame::index_settled() const {
    return session_->index_settled();
}

bool MainFrame::content_checked() const {
    return session_->content_checked();
}

std::size_t MainFrame::highlighted_words() const {
    return document_->highlighted();
}

bool MainFrame::search_busy() const {
    return searcher_->busy();
}

std::string MainFrame::focused_name() const {
    const wxWindow* focus = wxWindow::FindFocus();
    return focus ? from_wx(focus->GetName()) : std::string();
}

PageView::VisibleSpan MainFrame::document_span() const {
    return document_->view().visible_span();
}

std::string MainFrame::document_heading_at_top() const {
    return document_->reading_place().heading;
}

void MainFrame::on_close(wxCloseEvent& event) {
    if (!IsMaximized() && !IsIconized()) settings_.set_window_size(GetSize());
    settings_.set_last_search(from_wx(search_->GetValue()));
    settings_.flush();
    event.Skip();
}

}  // namespace lectern::desktop
