#pragma once
// Auto-lock: after the space policy's minutes without input the window hides its content
// until the passphrase of this device's signing key is typed again (checked off the UI
// thread: Argon2id takes a moment on purpose).

#include <chrono>
#include <functional>
#include <memory>

#include <wx/eventfilter.h>
#include <wx/timer.h>

#include "background.hpp"
#include "idle_monitor.hpp"
#include "unlocker.hpp"

namespace lectern::desktop {

class LockPanel;

class LockController : public wxEvtHandler, public wxEventFilter {
  public:
    /// `on_change(true)` hides the content and shows `panel`; `on_change(false)` the reverse.
    LockController(LockPanel& panel, std::shared_ptr<const Unlocker> unlocker,
                   std::function<void(bool locked)> on_change);
    ~LockController() override;
    LockController(const LockController&) = delete;
    LockController& operator=(const LockController&) = delete;

    /// The policy's minutes without input before locking.
    void set_limit(std::chrono::minutes limit);
    /// Another time source (tests); counting starts again from its now.
    void set_clock(std::shared_ptr<const Clock> clock);
    void lock();
    bool locked() const { return locked_; }
    /// True while a passphrase is being checked.
    bool checking() const { return checking_; }
    /// Passphrases refused since the app started (for tests).
    int refused() const { return refused_; }

    int FilterEvent(wxEvent& event) override;

  private:
    void on_tick(wxTimerEvent& event);
    void try_unlock(const std::string& passphrase);
    void unlock();

    LockPanel& panel_;
    std::shared_ptr<const Unlocker> unlocker_;
    std::function<void(bool)> on_change_;
    std::shared_ptr<const Clock> clock_;
    IdleMonitor monitor_;
    wxTimer timer_;
    bool locked_ = false;
    bool checking_ = false;
    int refused_ = 0;
    Background background_;  // last: its threads finish before the members they report to go
};

}  // namespace lectern::desktop
