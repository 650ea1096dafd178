#include "sync_controller.hpp"

#include <mutex>

#include <wx/app.h>
#include <wx/intl.h>

#include "common/error.hpp"
#include "ledger/ledger_sync.hpp"
#include "set_aside_text.hpp"
#include "sync/client_config.hpp"
#include "sync/local_paths.hpp"
#include "sync/space_status.hpp"
#include "sync_panel.hpp"
#include "sync_text.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

// The newest progress step, left by the sync thread for the UI thread. Only one wake-up is in
// flight at a time, so a fast transfer cannot flood the event queue.
struct SyncController::ProgressMailbox {
    std::mutex mutex;
    std::string phase;
    std::size_t done = 0;
    std::size_t total = 0;
    bool posted = false;
};

namespace {

struct SyncOutcome {
    sync::SyncReport report;
    std::optional<ledger::LedgerSyncReport> ledger;  // none: nothing signed on this device
    sync::SpaceStatus status;
    std::vector<ledger::StoredRecord> set_aside;
};

// The user's records set aside in the space's ledger clone, as `lectern status` lists them.
std::vector<ledger::StoredRecord> read_set_aside(const std::string& space,
                                                 const sync::ClientConfig& config) {
    const auto ledger = ledger::LocalLedger::open(ledger::local_ledger_dir(space));
    if (!ledger || config.user.empty()) return {};
    return ledger->records_set_aside(config.user);
}

// Content first, then this device's records (core/ledger's sync), then what is left waiting.
SyncOutcome run_sync(const sync::SyncOptions& options, const sync::ClientConfig& config) {
    SyncOutcome out;
    out.report = sync::sync_space(options);
    const auto ledger = ledger::ledger_sync_options(config, options.space);
    std::error_code ec;
    if (!options.progress.cancelled() && std::filesystem::exists(ledger.key_file, ec)) {
        auto push = ledger;
        push.progress = options.progress;
        out.ledger = ledger::push_records(push);
    }
    out.status = sync::space_status(options.space);
    out.status.ledger_waiting =
        ledger::count_records_waiting(ledger.ledger, config.user, ledger.device);
    out.set_aside = read_set_aside(options.space, config);
    return out;
}

// "records not sent: why", when the push did not get through.
wxString ledger_problem(const ledger::LedgerSyncReport& report) {
    if (report.ok()) return {};
    const std::string why = report.failure ? report.failure->message : report.refusal;
    // TRANSLATORS: status bar: signed records could not be sent to the server; %s says why.
    return wxString::Format(_(" \u00b7 records not sent: %s"), to_wx(why));
}

}  // namespace

SyncController::SyncController(SyncPanel& panel, Handlers handlers)
    : panel_(panel), handlers_(std::move(handlers)) {
    panel_.on_cancel = [this] { cancel(); };
    timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { sync_now(); });
}

SyncController::~SyncController() {
    timer_.Stop();
    alive_.reset();
    if (cancel_) cancel_->cancel();  // the thread stops at its next step; Background joins it
}

void SyncController::set_status(const wxString& text) {
    status_ = text;
    if (handlers_.status) handlers_.status(text);
}

void SyncController::space_ready(const std::filesystem::path& content_root, bool sample,
                                 int interval_minutes) {
    if (sample) {
        space_.reset();
        root_ = content_root;
        timer_.Stop();
        set_status(sample_status_text(0));
        return;
    }
    const auto name = sync::space_of_content_folder(content_root);
    if (!name) {
        space_.reset();
        timer_.Stop();
        // TRANSLATORS: status bar: the open folder is not a space synced from a server.
        set_status(_("Local folder, not synced"));
        return;
    }
    const bool first_time = !space_ || *space_ != *name || root_ != content_root;
    space_ = name;
    root_ = content_root;
    if (!first_time) return;  // reloaded after a sync: already synced and timed
    refresh_status();
    set_interval(interval_minutes);
    sync_now();
}

void SyncController::first_sync(const std::string& space, const std::filesystem::path& content_root,
                                int interval_minutes) {
    space_ = space;
    root_ = content_root;  // space_ready() for this folder then finds it synced and timed
    refresh_status();
    set_interval(interval_minutes);
    sync_now();
}

void SyncController::sample_records(std::size_t records) {
    if (!space_ && !root_.empty()) set_status(sample_status_text(records));
}

void SyncController::set_interval(int minutes) {
    if (!space_) return;
    timer_.Start(std::max(1, minutes) * 60 * 1000);
}

void SyncController::refresh_status() {
    if (!space_) return;
    try {
        // Read from disk only (offline is fine): what the last sync left.
        if (const auto config = sync::load_client_config())
            set_aside_ = read_set_aside(*space_, *config);
        set_status(sync_status_text(sync::space_status(*space_)) +
                   set_aside_status_text(set_aside_.size()));
    } catch (const std::exception& e) {
        set_status(wxString::Format(_("Sync status unavailable: %s"), to_wx(e.what())));
    }
}

void SyncController::sync_now() {
    if (running_) {
        again_ = space_.has_value();  // e.g. a signature during a sync: send it right after
        return;
    }
    if (!space_) return;
    std::optional<sync::ClientConfig> config;
    try {
        config = sync::load_client_config();
    } catch (const std::exception& e) {
        set_status(wxString::Format(_("Sync settings unreadable: %s"), to_wx(e.what())));
        return;
    }
    if (!config || config->server.empty() || config->token.empty()) {
        // TRANSLATORS: status bar: no `lectern login` on this computer yet.
        set_status(_("Not signed in to a server: run \u201clectern login\u201d"));
        return;
    }
    running_ = true;
    phase_.clear();
    cancel_ = std::make_shared<CancelToken>();
    mailbox_ = std::make_shared<ProgressMailbox>();
    panel_.show_progress(sync_phase_text({}), 0, 0);
    set_status(_("Syncing\u2026"));

    sync::SyncOptions options;
    options.space = *space_;
    options.server = config->server;
    options.credentials = {config->user, config->token};
    options.progress.cancel = cancel_.get();
    std::weak_ptr<char> alive = alive_;
    options.progress.report = [mailbox = mailbox_, alive, this](const sync::ProgressStep& step) {
        std::lock_guard lock(mailbox->mutex);
        mailbox->phase = step.phase;
        mailbox->done = step.done;
        mailbox->total = step.total;
        if (mailbox->posted) return;
        mailbox->posted = true;
        wxTheApp->CallAfter([alive, this] {
            if (alive.lock()) show_progress();
        });
    };
    background_.run<SyncOutcome>(
        [options, config = *config, cancel = cancel_] {  // the token lives as the thread does
            return run_sync(options, config);
        },
        [this](SyncOutcome& outcome) {
            finished();
            ++syncs_completed_;
            // Why records were not sent matters only while some wait.
            const bool waiting = outcome.status.ledger_waiting.value_or(0) > 0;
            set_aside_ = std::move(outcome.set_aside);
            if (outcome.ledger) refusal_ = outcome.ledger->refusal;
            set_status(sync_status_text(outcome.status) + set_aside_status_text(set_aside_.size()) +
                       (outcome.ledger && waiting ? ledger_problem(*outcome.ledger) : wxString()));
            if (outcome.report.ok() && handlers_.synced) handlers_.synced(outcome.report);
        },
        [this](const std::string& message) {
            finished();
            set_status(wxString::Format(_("Sync failed: %s"), to_wx(message)));
        });
}

void SyncController::finished() {
    running_ = false;
    panel_.hide_progress();
    if (again_) {
        again_ = false;
        std::weak_ptr<char> alive = alive_;
        wxTheApp->CallAfter([alive, this] {
            if (alive.lock()) sync_now();
        });
    }
}

void SyncController::show_progress() {
    if (!running_ || !mailbox_) return;
    std::string phase;
    std::size_t done = 0, total = 0;
    {
        std::lock_guard lock(mailbox_->mutex);
        phase = mailbox_->phase;
        done = mailbox_->done;
        total = mailbox_->total;
        mailbox_->posted = false;
    }
    if (cancel_ && cancel_->cancelled()) return;  // the strip says it is stopping
    ++progress_shown_;
    phase_ = phase;
    panel_.show_progress(sync_phase_text(phase), done, total);
}

void SyncController::cancel() {
    if (!running_ || !cancel_ || cancel_->cancelled()) return;
    cancel_->cancel();
    // TRANSLATORS: status bar and sync strip, from Cancel until the sync has stopped.
    const wxString stopping = _("Cancelling the sync\u2026");
    panel_.show_progress(stopping, 0, 0);
    set_status(stopping);
}

}  // namespace lectern::desktop
