#pragma once
// The main window: search box on top, library on the left, the content on the right.
// It routes keys and navigation; each panel's controller does the rest.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/frame.h>

#include "background.hpp"
#include "content/space.hpp"
#include "navigation.hpp"
#include "page_view.hpp"
#include "search_highlight.hpp"
#include "space_session.hpp"
#include "sync/content_changes.hpp"

class wxSearchCtrl;
class wxSimplebook;
class wxSplitterWindow;
class wxKeyEvent;
class wxCommandEvent;
class wxCloseEvent;

namespace lectern::sync {
struct SyncReport;
}

namespace lectern::desktop {

class DocumentPanel;
class HistoryController;
class HistoryPanel;
class LockController;
class LockPanel;
class LibraryPanel;
class PathPanel;
class ScriptController;
class ScriptPanel;
class SearchBackend;
class SearchController;
class SearchPanel;
class Settings;
class SignController;
class StandingSession;
class SyncController;
class SyncPanel;

class MainFrame : public wxFrame {
  public:
    /// Shows the space `opening` opens (begun before the window, so that it overlaps the
    /// window's making); without one, nothing until load_space().
    MainFrame(Settings& settings, std::optional<SpaceOpening> opening);
    /// Loads a space (off the UI thread) and shows it.
    /// With `fresh`, the index is brought up to date before the space is shown (after a sync).
    void load_space(std::filesystem::path root, bool sample = false, bool fresh = false);
    /// Opens the server's `space` as synced to this machine; the first time, syncs it first
    /// (progress in the sync strip; F5 retries when the server could not be reached).
    void open_synced_space(const std::string& space);
    /// Preferences (Ctrl+,): applies the text size at once.
    void show_preferences();
    const Settings& settings() const { return settings_; }
    ~MainFrame() override;

    /// Opens a place and, if `record`, remembers it for Back.
    void open(const Location& where, bool record = true);
    /// Opens a document at `section`, with the words of `terms` marked (opened from search).
    void open_document(const std::string& id, const std::string& section,
                       const HighlightTerms& terms = {});
    /// The History view of the open document.
    void show_history();
    /// Creates this device's signing key after asking for its passphrase (File menu).
    void set_up_signing_key();
    void lock_now();
    void go_back();
    /// Lists the documents the open one links to (links in a page cannot take the focus).
    void show_links();
    void focus_search();
    void leave_search();
    void change_font_size(int delta);
    /// Signs the procedure on screen (Ctrl+Enter), once its whole text has been on screen.
    void sign_current();
    /// F5: syncs the open space now (a synced space with a login); File > Cancel sync stops it.
    void sync_now();
    void cancel_sync();
    /// Ctrl+Shift+A: the records the ledger set aside and what to do (Enter opens one's
    /// document to sign it again).
    void show_records_set_aside();

    // What the GUI tests look at.
    bool space_ready() const { return space_ != nullptr; }
    /// True once the search index is up to date with the files, or failed.
    bool index_settled() const;
    /// True once every file of the space has been read and checked in the background.
    bool content_checked() const;
    View current_view() const { return view_; }
    std::string current_id() const;
    std::string script_step() const;
    bool script_shows_whole() const;
    const SearchPanel& search_panel() const { return *search_panel_; }
    bool search_busy() const;
    /// Milliseconds from each key typed in the search box to its results on screen (the
    /// benchmark reads them).
    const std::vector<double>& keystroke_latencies_ms() const { return keystroke_latencies_ms_; }
    /// Where the time of each of those keystrokes went.
    struct KeystrokeTrace {
        std::string query;
        double total_ms = 0;   ///< key pressed to results shown
        double search_ms = 0;  ///< the query on the search thread
        double show_ms = 0;    ///< filling the result list on the UI thread
        std::size_t hits = 0;
    };
    const std::vector<KeystrokeTrace>& keystroke_traces() const { return keystroke_traces_; }
    /// Words marked in the document shown.
    std::size_t highlighted_words() const;
    const HistoryController& history_controller() const { return *versions_; }
    HistoryPanel& history_panel() { return *history_panel_; }
    LockController& lock_controller() { return *lock_; }
    bool locked() const;
    /// True while the signing key is being made.
    bool enrolling() const { return enrolling_; }
    /// The library's label of a document, with its badges.
    std::string library_label(const std::string& id) const;
    LibraryPanel& library_panel() { return *library_; }
    /// The sign bar under the document: its message, and whether it signs or shows signed.
    std::string sign_message() const;
    bool sign_ready() const;
    bool shows_signed() const;
    /// The sign bar asks for a quiz to be passed first (and its button opens the quiz).
    bool sign_waits_for_quiz() const;
    /// True once where the agent stands has been read from the ledger.
    bool standing_known() const;
    /// The path view's progress line.
    std::string path_progress_text() const;
    const SyncController& sync_controller() const;
    /// What the last sync changed, in words ("2 procedures updated, …"); empty before one.
    std::string sync_summary() const;
    /// Name of the focused window ("library", "document-view"…), empty when none.
    std::string focused_name() const;
    /// Where the document view is scrolled to, and the heading at its top.
    PageView::VisibleSpan document_span() const;
    std::string document_heading_at_top() const;

  protected:
    wxStatusBar* OnCreateStatusBar(int fields, long style, wxWindowID id,
                                   const wxString& name) override;

  private:
    void build_menu();
    void build_layout();
    void build_lock();
    void build_signing();
    /// Opens `doc`, a quiz of `space` (read with the documents its questions name), in its
    /// window, recording attempts where sign-offs are recorded.
    void open_quiz(std::shared_ptr<const content::Space> space, const content::Document& doc);
    void refresh_standing();
    /// A lesson's completion was signed in its window: badges and My path at once, and the
    /// record sent (in a synced space).
    void lesson_recorded();
    /// The start date My path counts due days from: the settings', else today, kept then.
    std::string path_start_date();
    void on_standing_changed();
    void build_sync();
    void on_space_settled();
    void on_synced(const sync::SyncReport& report);
    void show_sync_summary();
    /// Before the space is read again after a sync: remembers the place on screen.
    void keep_place_for_reload();
    /// After it was read again: opens that place (a document at the same reading place);
    /// false when there was none to go back to.
    bool resume_after_reload();
    void apply_lock(bool locked);
    void on_space_loaded(std::shared_ptr<SearchBackend> index);
    void on_space_failed(const std::string& message);
    void on_index_ready(std::shared_ptr<SearchBackend> index, bool changed);
    void on_index_failed(const std::string& message);
    void on_content_checked(std::size_t problems);
    void show_document_count();
    void use_search(std::shared_ptr<SearchBackend> index);
    void show_view(View view);
    void apply_font_size();
    void on_char_hook(wxKeyEvent& event);
    bool handle_script_key(wxKeyEvent& event);
    bool focus_in_search() const;
    bool focus_in_text() const;
    void on_search_text(wxCommandEvent& event);
    void on_close(wxCloseEvent& event);

    Settings& settings_;
    std::shared_ptr<const content::Space> space_;
    History history_;  // where Back goes
    View view_ = View::Welcome;

    wxSearchCtrl* search_ = nullptr;
    wxSplitterWindow* splitter_ = nullptr;
    LibraryPanel* library_ = nullptr;
    wxSimplebook* pages_ = nullptr;
    DocumentPanel* document_ = nullptr;
    ScriptPanel* script_panel_ = nullptr;
    PathPanel* path_panel_ = nullptr;
    SearchPanel* search_panel_ = nullptr;
    HistoryPanel* history_panel_ = nullptr;
    SyncPanel* sync_panel_ = nullptr;
    wxWindow* content_ = nullptr;  // everything but the lock panel
    LockPanel* lock_panel_ = nullptr;
    bool enrolling_ = false;
    wxString sync_summary_;
    std::unique_ptr<sync::ContentChanges> pending_changes_;  // said once the standing is read
    bool awaiting_first_sync_ = false;  // open_synced_space(): load once the first sync is in
    // Where the agent was when a sync's changes made the space be read again.
    struct Resume {
        Location where;
        ReadingPlace place;  // in a document: where in it, on the page `html`
        std::string html;
    };
    std::optional<Resume> resume_;
    // When the last key in the search box was pressed and not yet answered.
    std::optional<std::chrono::steady_clock::time_point> search_key_time_;
    std::vector<double> keystroke_latencies_ms_;
    std::vector<KeystrokeTrace> keystroke_traces_;
    HighlightTerms highlight_;  // for the document being opened from search

    std::unique_ptr<ScriptController> script_;
    std::unique_ptr<SearchController> searcher_;
    std::unique_ptr<HistoryController> versions_;  // the History view
    std::unique_ptr<LockController> lock_;
    std::unique_ptr<StandingSession> standing_;  // before signer_, which reads it
    std::unique_ptr<SignController> signer_;
    std::unique_ptr<SyncController> sync_;
    Background background_;  // the frame's own short jobs (making a key)
    // Last: destroyed first, so its threads finish before the members they report to go.
    std::unique_ptr<SpaceSession> session_;
};

}  // namespace lectern::desktop
