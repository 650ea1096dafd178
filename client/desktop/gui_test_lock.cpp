// GUI test scenario of the auto-lock: a signing key made through the app, the policy's
// minutes passed on an injected clock, a wrong passphrase refused, the right one accepted.

#include <wx/app.h>

#include "gui_test_steps.hpp"
#include "lock_controller.hpp"
#include "main_frame.hpp"
#include "unlocker.hpp"

namespace lectern::desktop {

using namespace gui_test;

std::vector<Step> lock_scenario(MainFrame& frame, const std::string& shots) {
    auto clock = std::make_shared<ManualClock>();
    auto steps = opening(frame);
    steps.push_back({"the idle timer runs on the test's clock",
                     [&frame, clock] { frame.lock_controller().set_clock(clock); },
                     {}});
    for (auto& step : make_signing_key(frame)) steps.push_back(step);
    std::vector<Step> more{
        {"14 minutes without input: still open",
         [clock] { clock->advance(std::chrono::minutes(14)); },
         {},
         std::chrono::milliseconds(1500)},
        {"not locked yet", {}, [&frame] { return !frame.locked(); }},
        {"the 15th minute locks the window", [clock] { clock->advance(std::chrono::minutes(1)); },
         [&frame] { return frame.locked(); }, std::chrono::milliseconds(300)},
        {"the passphrase field has the focus",
         {},
         [&frame] { return frame.focused_name() == "lock-passphrase"; }},
        {"screenshot: locked", screenshot(shots, "01-locked"), {}},
        {"Ctrl+K while locked",
         [] { key('K', wxMOD_CONTROL); },
         {},
         std::chrono::milliseconds(500)},
        {"does nothing: no search, the focus stays in the passphrase field",
         {},
         [&frame] {
             return frame.locked() && frame.current_view() != View::Search &&
                    frame.focused_name() == "lock-passphrase";
         }},
        {"a wrong passphrase is refused",
         [] {
             type("wrong horse");
             key(WXK_RETURN);
         },
         [&frame] { return frame.locked() && frame.lock_controller().refused() == 1; },
         std::chrono::milliseconds(300)},
        {"still locked", {}, [&frame] { return frame.locked(); }},
        {"the right passphrase unlocks",
         [] {
             type("correct horse");
             key(WXK_RETURN);
         },
         [&frame] { return !frame.locked(); }},
        {"the content is back and takes keys: Ctrl+K searches", [] { key('K', wxMOD_CONTROL); },
         [&frame] { return frame.current_view() == View::Search; }},
    };
    steps.insert(steps.end(), more.begin(), more.end());
    return steps;
}

}  // namespace lectern::desktop
