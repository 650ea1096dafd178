#pragma once
// Sync in the app: a synced space is synced when it opens and then every few minutes (the
// preferences' interval), off the UI thread through core's sync_space(), with progress in the
// sync strip and Cancel; the status bar says when it last synced, whether the server was
// reachable, and how many signed records wait to be sent.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/string.h>
#include <wx/timer.h>

#include "background.hpp"
#include "common/cancel_token.hpp"
#include "ledger/local_ledger.hpp"
#include "sync/space_sync.hpp"

namespace lectern::desktop {

class SyncPanel;

class SyncController {
  public:
    struct Handlers {
        /// The status bar's sync text changed.
        std::function<void(const wxString&)> status;
        /// A sync completed (the report may list no changes).
        std::function<void(const sync::SyncReport&)> synced;
    };

    SyncController(SyncPanel& panel, Handlers handlers);
    ~SyncController();

    /// The space at `content_root` is loaded and indexed. A synced space with a login (lectern
    /// login, or the first start's sign-in) is synced now, once per folder, then every
    /// `interval_minutes`. `sample`: the sample content, which has no server.
    void space_ready(const std::filesystem::path& content_root, bool sample, int interval_minutes);
    /// A space not yet on this machine: syncs it now into `content_root` (its folder under
    /// sync::space_paths), then every `interval_minutes`; `synced` says when it is there.
    void first_sync(const std::string& space, const std::filesystem::path& content_root,
                    int interval_minutes);
    const std::filesystem::path& content_root() const { return root_; }
    /// Records signed on the sample content, for its status line.
    void sample_records(std::size_t records);
    /// F5 (and after each signature): syncs the content, then sends this device's signed
    /// records; while a sync runs, one more follows it.
    void sync_now();
    /// Stops the running sync at its next step (Esc, the strip's Cancel, File > Cancel sync);
    /// the local copy stays as it was and the status bar says the sync was cancelled.
    void cancel();
    /// A new interval from the preferences.
    void set_interval(int minutes);

    bool running() const { return running_; }
    const wxString& status() const { return status_; }
    /// Progress reports shown during the syncs of this run, and syncs completed (tests).
    std::size_t progress_shown() const { return progress_shown_; }
    std::size_t syncs_completed() const { return syncs_completed_; }
    /// This user's signed records the ledger set aside (signed with a key the server revoked),
    /// as of the last sync or status read; the status bar counts them.
    const std::vector<ledger::StoredRecord>& records_set_aside() const { return set_aside_; }
    /// The server's words when it refused the records waiting at the last sync; empty when it
    /// did not.
    const std::string& refusal() const { return refusal_; }
    /// The phase of the last progress step shown ("receiving", "checkout"…; tests).
    const std::string& phase() const { return phase_; }

  private:
    struct ProgressMailbox;
    void set_status(const wxString& text);
    void refresh_status();
    void show_progress();
    void finished();

    SyncPanel& panel_;
    Handlers handlers_;
    std::optional<std::string> space_;  // the synced space's name; none: nothing to sync
    std::filesystem::path root_;
    bool running_ = false;
    bool again_ = false;  // asked while running: sync once more when done
    wxString status_;
    std::size_t progress_shown_ = 0;
    std::size_t syncs_completed_ = 0;
    std::string phase_;
    std::vector<ledger::StoredRecord> set_aside_;
    std::string refusal_;
    std::shared_ptr<CancelToken> cancel_;
    std::shared_ptr<ProgressMailbox> mailbox_;
    std::shared_ptr<char> alive_ = std::make_shared<char>(0);
    wxTimer timer_;
    Background background_;  // last: joined first (after cancel()) when the window goes
};

}  // namespace lectern::desktop
