#include "main_frame.hpp"

#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/srchctrl.h>
#include <wx/statusbr.h>

#include "common/diagnostic.hpp"
#include "content/document_links.hpp"
#include "document_page.hpp"
#include "document_panel.hpp"
#include "html_theme.hpp"
#include "labels.hpp"
#include "library_model.hpp"
#include "library_panel.hpp"
#include "path_model.hpp"
#include "path_panel.hpp"
#include "script_controller.hpp"
#include "script_panel.hpp"
#include "search_controller.hpp"
#include "search_panel.hpp"
#include "settings.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

namespace {

enum MenuId {
    kIdSearch = wxID_HIGHEST + 1,
    kIdLibrary,
    kIdPath,
    kIdBack,
    kIdLinks,
    kIdLarger,
    kIdSmaller,
    kIdKeys,
};

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
    }
    return 0;
}

struct LoadedSpace {
    std::shared_ptr<const content::Space> space;
    std::size_t problems = 0;
};

}  // namespace

MainFrame::MainFrame(Settings& settings, std::filesystem::path space_root)
    : wxFrame(nullptr, wxID_ANY, "Lectern", wxDefaultPosition, settings.window_size()),
      settings_(settings) {
    SetName("lectern-main");
    build_menu();
    build_layout();
    CreateStatusBar(2);
    SetStatusText(_("Loading the content\u2026"), 0);
    Bind(wxEVT_CHAR_HOOK, &MainFrame::on_char_hook, this);
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
    load_space(std::move(space_root));
}

MainFrame::~MainFrame() = default;

void MainFrame::build_menu() {
    auto* file = new wxMenu;
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* go = new wxMenu;
    // TRANSLATORS: menu item; "/" does the same outside text boxes.
    go->Append(kIdSearch, _("&Search\tCtrl+K"));
    go->Append(kIdLibrary, _("&Library\tCtrl+L"));
    go->Append(kIdPath, _("My &path\tCtrl+P"));
    // TRANSLATORS: menu item listing the documents the open one links to.
    go->Append(kIdLinks, _("Linked &documents\tCtrl+G"));
    go->AppendSeparator();
    go->Append(kIdBack, _("&Back\tAlt+Left"));
    auto* view = new wxMenu;
    view->Append(kIdLarger, _("&Larger text\tCtrl+="));
    view->Append(kIdSmaller, _("&Smaller text\tCtrl+-"));
    auto* help = new wxMenu;
    help->Append(kIdKeys, _("&Keyboard shortcuts\tF1"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(go, _("&Go"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { focus_search(); }, kIdSearch);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { library_->focus_tree(); }, kIdLibrary);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            open({View::Path, {}});
        },
        kIdPath);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { go_back(); }, kIdBack);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { show_links(); }, kIdLinks);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { change_font_size(+1); }, kIdLarger);
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { change_font_size(-1); }, kIdSmaller);
    Bind(
        wxEVT_MENU,
        [this](wxCommandEvent&) {
            open({View::Welcome, {}});
        },
        kIdKeys);
}

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
    pages_->AddPage(document_, wxString());
    pages_->AddPage(script_panel_, wxString());
    pages_->AddPage(path_panel_, wxString());
    pages_->AddPage(search_panel_, wxString());
    splitter_->SplitVertically(library_, pages_, 320);
    splitter_->SetSashGravity(0.0);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(search_, 0, wxEXPAND | wxALL, 8);
    sizer->Add(splitter_, 1, wxEXPAND);
    root->SetSizer(sizer);

    script_ = std::make_unique<ScriptController>(*script_panel_);
    searcher_ = std::make_unique<SearchController>(
        [this](const std::string& query, const std::vector<SearchHit>& hits,
               const std::string& error) { search_panel_->show_results(query, hits, error); });

    auto follow = [this](const std::string& id, const std::string& section) {
        open_document(id, section);
    };
    document_->view().set_document_link_handler(follow);
    script_panel_->step_view().set_document_link_handler(follow);
    script_panel_->whole_view().set_document_link_handler(follow);
    library_->set_open_handler([this](const Location& where) { open(where); });
    path_panel_->on_open = [this](const Location& where) { open(where); };
    search_panel_->on_open = [this](const SearchHit& hit) { open_document(hit.document_id, {}); };
    search_->Bind(wxEVT_TEXT, &MainFrame::on_search_text, this);
    apply_font_size();
}

void MainFrame::load_space(std::filesystem::path root) {
    // Reading and checking every file of a space is disk work: never on the UI thread.
    background_.run<LoadedSpace>(
        [root] {
            Diagnostics found;
            auto space = std::make_shared<const content::Space>(content::Space::load(root, found));
            return LoadedSpace{std::move(space), found.items().size()};
        },
        [this](LoadedSpace& loaded) { on_space_loaded(std::move(loaded.space), loaded.problems); },
        [this](const std::string& message) { on_space_failed(message); });
}

void MainFrame::on_space_loaded(std::shared_ptr<const content::Space> space, std::size_t problems) {
    space_ = std::move(space);
    SetTitle(wxString::Format("%s \u2014 Lectern", to_wx(space_->manifest().title)));
    library_->show(to_wx(space_->manifest().title), library_groups(*space_, today_iso()));
    searcher_->set_backend(make_title_search(space_));
    start_index(space_->root());
    const int documents = static_cast<int>(space_->documents().size());
    SetStatusText(wxString::Format(wxPLURAL("%d document", "%d documents", documents), documents),
                  0);
    if (problems > 0) {
        // TRANSLATORS: in the status bar when some files of the content could not be read.
        SetStatusText(
            wxString::Format(wxPLURAL("%d problem in the content: run \u201clectern lint\u201d",
                                      "%d problems in the content: run \u201clectern lint\u201d",
                                      static_cast<int>(problems)),
                             static_cast<int>(problems)),
            1);
    }
    const std::string last = settings_.last_document();
    if (const auto* doc = last.empty() ? nullptr : space_->find_by_id(last)) {
        open_document(doc->id, {});
    } else {
        open({View::Welcome, {}});
    }
}

void MainFrame::start_index(std::filesystem::path root) {
    // Until the index is up to date (a while for a large space), the box searches titles.
    using Backend = std::shared_ptr<SearchBackend>;
    background_.run<Backend>(
        [root] { return Backend(make_index_search(root)); },
        [this](Backend& index) {
            index_settled_ = true;
            if (!index) return;  // this build has no search index
            searcher_->set_backend(with_fallback(index, make_title_search(space_)));
            search_->SetDescriptiveText(_("Search (Ctrl+K or /)"));
            search_panel_->set_full_text(true);
            if (view_ == View::Search) searcher_->search(from_wx(search_->GetValue()));
        },
        [this](const std::string& message) {
            index_settled_ = true;
            // TRANSLATORS: status bar; the search box still finds titles.
            SetStatusText(wxString::Format(_("Search index unavailable, searching titles: %s"),
                                           to_wx(message)),
                          1);
        });
}

void MainFrame::on_space_failed(const std::string& message) {
    SetStatusText(_("The content could not be loaded."), 0);
    document_->show({}, page("<h1>" + escape_html(from_wx(_("The content could not be loaded."))) +
                             "</h1><p>" + escape_html(message) + "</p>"));
    show_view(View::Welcome);
}

void MainFrame::open_document(const std::string& id, const std::string& section) {
    if (!space_) return;
    const auto* doc = space_->find_by_id(id);
    if (!doc) return;
    open({doc->type == content::DocumentType::Script ? View::Script : View::Document, doc->id});
    if (!section.empty() && view_ == View::Document) document_->view().scroll_to(section);
}

void MainFrame::open(const Location& where, bool record) {
    if (!space_) return;
    switch (where.view) {
        case View::Welcome:
            document_->show({}, welcome_page_html(*space_));
            break;
        case View::Document:
        case View::Script: {
            const auto* doc = space_->find_by_id(where.id);
            if (!doc) return;
            if (where.view == View::Script) {
                script_->open(space_, *doc);
            } else {
                document_->show(doc->id, document_page_html(*space_, *doc, today_iso()));
            }
            settings_.set_last_document(doc->id);
            break;
        }
        case View::Path: {
            const auto* path =
                where.id.empty() ? default_path(*space_) : find_path(*space_, where.id);
            if (path) {
                path_panel_->show(path->id, path_overview(*space_, *path));
            } else {
                path_panel_->show_none();
            }
            break;
        }
        case View::Search:
            focus_search();
            return;
    }
    if (record) history_.visit(where);
    library_->select(where);
    show_view(where.view);
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
    const auto* doc = space_->find_by_id(current_id());
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
}

std::string MainFrame::current_id() const {
    switch (view_) {
        case View::Document:
            return document_->document_id();
        case View::Script:
            return script_->document_id();
        case View::Path:
            return path_panel_->path_id();
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

bool MainFrame::search_busy() const {
    return searcher_->busy();
}

std::string MainFrame::focused_name() const {
    const wxWindow* focus = wxWindow::FindFocus();
    return focus ? from_wx(focus->GetName()) : std::string();
}

void MainFrame::on_close(wxCloseEvent& event) {
    if (!IsMaximized() && !IsIconized()) settings_.set_window_size(GetSize());
    settings_.set_last_search(from_wx(search_->GetValue()));
    settings_.flush();
    event.Skip();
}

}  // namespace lectern::desktop
