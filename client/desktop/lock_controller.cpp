#include "lock_controller.hpp"

#include "lock_panel.hpp"

namespace lectern::desktop {

namespace {
// How often the idle time is looked at: locking up to a second late is fine.
constexpr int kTickMs = 1000;
}  // namespace

LockController::LockController(LockPanel& panel, std::shared_ptr<const Unlocker> unlocker,
                               std::function<void(bool locked)> on_change)
    : panel_(panel),
      unlocker_(std::move(unlocker)),
      on_change_(std::move(on_change)),
      clock_(std::make_shared<SteadyClock>()),
      monitor_(*clock_, std::chrono::minutes(15)),
      timer_(this) {
    panel_.on_unlock = [this](const std::string& passphrase) { try_unlock(passphrase); };
    Bind(wxEVT_TIMER, &LockController::on_tick, this);
    wxEvtHandler::AddFilter(this);
    timer_.Start(kTickMs);
}

LockController::~LockController() {
    timer_.Stop();
    wxEvtHandler::RemoveFilter(this);
}

void LockController::set_limit(std::chrono::minutes limit) {
    monitor_.set_limit(limit);
}

void LockController::set_clock(std::shared_ptr<const Clock> clock) {
    clock_ = std::move(clock);
    monitor_.set_clock(*clock_);
}

int LockController::FilterEvent(wxEvent& event) {
    // Only input counts, not the app's own timers and paints: a key, a click, a move.
    const wxEventType type = event.GetEventType();
    if (!locked_ &&
        (type == wxEVT_KEY_DOWN || type == wxEVT_LEFT_DOWN || type == wxEVT_RIGHT_DOWN ||
         type == wxEVT_MOTION || type == wxEVT_MOUSEWHEEL)) {
        monitor_.note_input();
    }
    return Event_Skip;
}

void LockController::on_tick(wxTimerEvent&) {
    if (!locked_ && monitor_.expired()) lock();
}

void LockController::lock() {
    if (locked_) return;
    locked_ = true;
    panel_.reset(unlocker_->has_key());
    on_change_(true);
    // GTK gives the focus to a widget only once it is shown on screen: after this event.
    panel_.CallAfter([this] { panel_.focus_field(); });
}

void LockController::try_unlock(const std::string& passphrase) {
    if (!locked_ || checking_) return;
    if (!unlocker_->has_key()) {
        unlock();  // nothing to check against: the panel said so
        return;
    }
    checking_ = true;
    panel_.show_checking();
    auto secret = std::make_shared<ledger::SecureBuffer>(secure_copy(passphrase));
    background_.run<bool>([unlocker = unlocker_, secret] { return unlocker->unlock(*secret); },
                          [this](bool& opened) {
                              checking_ = false;
                              if (opened) {
                                  unlock();
                              } else {
                                  ++refused_;
                                  panel_.show_wrong();
                              }
                          },
                          [this](const std::string& message) {
                              checking_ = false;
                              ++refused_;
                              panel_.show_error(message);
                          });
}

void LockController::unlock() {
    locked_ = false;
    monitor_.note_input();
    on_change_(false);
}

}  // namespace lectern::desktop
