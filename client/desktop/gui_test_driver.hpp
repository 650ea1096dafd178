#pragma once
// GUI tests built into the app behind --gui-test: a scenario drives the real window with
// simulated keys, as an agent would, waits for what should appear, takes screenshots, and
// exits 0 when every step held (1 and the failing step on stderr otherwise).

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <wx/timer.h>

namespace lectern::desktop {

class MainFrame;

class GuiTestDriver : public wxEvtHandler {
  public:
    struct Step {
        std::string what;
        std::function<void()> act;              ///< may be empty: only wait
        std::function<bool()> until;            ///< may be empty: done at once
        std::chrono::milliseconds settle{150};  ///< pause after the step holds
        std::chrono::milliseconds timeout{0};   ///< 0: the driver's default
    };

    GuiTestDriver(MainFrame& frame, std::vector<Step> steps);
    void start();
    /// Runs when a step fails, before the window closes (a screenshot of what was there).
    std::function<void()> on_failure;

  private:
    void on_tick(wxTimerEvent& event);
    void finish(bool passed, const std::string& message);

    MainFrame& frame_;
    std::vector<Step> steps_;
    std::size_t next_ = 0;
    bool acted_ = false;
    std::chrono::steady_clock::time_point deadline_;
    std::chrono::steady_clock::time_point resume_;
    wxTimer timer_;
};

/// The scenario of this name ("agent-day"), or nullptr. Screenshots go to `screenshot_dir`
/// (none when empty).
std::unique_ptr<GuiTestDriver> make_gui_test(const std::string& name, MainFrame& frame,
                                             const std::string& screenshot_dir);

}  // namespace lectern::desktop
