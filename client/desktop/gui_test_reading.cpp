// GUI test scenarios of reading: the searched words marked in the page, and a document's
// history with word diffs, by keyboard.

#include "gui_test_steps.hpp"
#include "history_controller.hpp"
#include "history_panel.hpp"
#include "main_frame.hpp"

namespace lectern::desktop {

using namespace gui_test;

std::vector<Step> highlight_scenario(MainFrame& frame, const std::string& shots) {
    auto steps = opening(frame);
    for (auto& step : search_and_open(frame, "authenticator", "vpn-security"))
        steps.push_back(std::move(step));
    std::vector<Step> more{
        {"the searched word is marked in the page",
         {},
         [&frame] { return frame.highlighted_words() > 0; },
         std::chrono::milliseconds(400)},
        {"screenshot: highlighted", screenshot(shots, "01-highlighted-search-terms"), {}},
        {"opened from the library, the page has no marks",
         [] {
             key('L', wxMOD_CONTROL);
             key(WXK_RETURN);  // the selected entry: the VPN procedure
         },
         [&frame] {
             return frame.current_id() == "vpn-security" && frame.highlighted_words() == 0;
         }},
    };
    steps.insert(steps.end(), more.begin(), more.end());
    return steps;
}

std::vector<Step> history_scenario(MainFrame& frame, const std::string& shots) {
    auto steps = opening(frame);
    for (auto& step : search_and_open(frame, "vpn", "vpn-security"))
        steps.push_back(std::move(step));
    const auto diff_has = [&frame](std::vector<std::string> parts) {
        return [&frame, parts] {
            auto& panel = frame.history_panel();
            if (!panel.diff_shown()) return false;
            for (const auto& p : parts)
                if (panel.diff_html().find(p) == std::string::npos) return false;
            return true;
        };
    };
    std::vector<Step> more{
        {"Ctrl+H lists the three versions and shows what the newest changed",
         [] { key('H', wxMOD_CONTROL); },
         [&frame, diff_has] {
             return frame.current_view() == View::History && frame.history_controller().loaded() &&
                    frame.history_panel().row_count() == 3 &&
                    diff_has({"Ethernet</del>", "network</u>"})();
         },
         std::chrono::milliseconds(400)},
        {"Down, Down, Enter compares the first version with the newest",
         [] {
             key(WXK_DOWN);
             key(WXK_DOWN);
             key(WXK_RETURN);
         },
         diff_has({"<del>1 hour</del>", "<u>15 minutes</u>", "<del>5</del>", "<u>10</u>",
                   "network</u>"}),
         std::chrono::milliseconds(400)},
        {"screenshot: history and diff", screenshot(shots, "01-history-word-diff"), {}},
        {"Esc goes back to the procedure", [] { key(WXK_ESCAPE); },
         showing(frame, View::Document, "vpn-security")},
    };
    steps.insert(steps.end(), more.begin(), more.end());
    return steps;
}

}  // namespace lectern::desktop
