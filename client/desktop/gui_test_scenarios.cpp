// The scenarios of the built-in GUI test: what a new agent does on the first day, with the
// keyboard only, on the sample content.

#include <fstream>
#include <sstream>

#include <wx/menu.h>

#include "gui_test_driver.hpp"
#include "gui_test_steps.hpp"
#include "main_frame.hpp"
#include "search_panel.hpp"

namespace lectern::desktop {

namespace {

using namespace gui_test;

// True when the process has an OpenGL library mapped (libGL, libGLX, libEGL: what loads the
// GL driver). The app draws with cairo only, so none should be (app.cpp, draw_without_opengl).
bool opengl_loaded() {
    std::ifstream maps("/proc/self/maps");
    std::stringstream text;
    text << maps.rdbuf();
    const std::string all = text.str();
    return all.find("/libGL") != std::string::npos || all.find("/libEGL") != std::string::npos;
}

std::vector<Step> agent_day(MainFrame& frame, const std::string& shots) {
    auto at_step = [&frame](std::string anchor) {
        return [&frame, anchor] {
            return frame.current_view() == View::Script && frame.script_step() == anchor;
        };
    };
    auto showing = [&frame](View view, std::string id) {
        return gui_test::showing(frame, view, id);
    };
    auto steps = opening(frame);
    std::vector<Step> more{
        {"the window is drawn without an OpenGL library loaded",
         {},
         [] { return !opengl_loaded(); },
         std::chrono::milliseconds(150),
         std::chrono::seconds(1)},
        {"screenshot: start", screenshot(shots, "01-start"), {}},
        {"'/' opens the search", [] { key('/'); },
         [&frame] { return frame.current_view() == View::Search; }},
        {"typing 'refu' finds the refund script", [] { type("refu"); },
         [&frame] { return result_listed(frame, "refund-request"); },
         std::chrono::milliseconds(300)},
        {"screenshot: search", screenshot(shots, "02-search-refu"), {}},
        {"arrows and Enter open the refund script at its first step",
         open_result(frame, "refund-request"), at_step("listen-to-the-request"),
         std::chrono::milliseconds(300)},
        {"screenshot: first step", screenshot(shots, "03-script-first-step"), {}},
        {"1: charged twice", [] { key('1'); }, at_step("check-for-a-duplicate-payment")},
        {"1: two identical payments", [] { key('1'); }, at_step("refund-the-duplicate")},
        {"Backspace goes back one step", [] { key(WXK_BACK); },
         at_step("check-for-a-duplicate-payment")},
        {"1 again", [] { key('1'); }, at_step("refund-the-duplicate")},
        {"2: over the limit, to billing tier 2", [] { key('2'); },
         at_step("pass-to-billing-tier-2"), std::chrono::milliseconds(300)},
        {"screenshot: last step", screenshot(shots, "04-script-last-step"), {}},
        {"0 shows the whole script", [] { key('0'); },
         [&frame] { return frame.script_shows_whole(); }, std::chrono::milliseconds(300)},
        {"screenshot: whole script", screenshot(shots, "05-whole-script"), {}},
        {"0 again returns to the step", [] { key('0'); },
         [&frame] { return !frame.script_shows_whole(); }},
        {"Ctrl+K opens the search", [] { key('K', wxMOD_CONTROL); },
         [&frame] { return frame.current_view() == View::Search; }},
        {"typing 'vpn' finds the VPN procedure", [] { type("vpn"); },
         [&frame] { return result_listed(frame, "vpn-security"); }},
        {"arrows and Enter open it", open_result(frame, "vpn-security"),
         showing(View::Document, "vpn-security"), std::chrono::milliseconds(400)},
        {"screenshot: VPN procedure", screenshot(shots, "06-vpn-procedure"), {}},
        {"Ctrl+G lists the documents it links to", [] { key('G', wxMOD_CONTROL); },
         [&frame] {
             return frame.current_view() == View::Search && result_listed(frame, "screen-lock");
         }},
        {"arrows and Enter follow a link", open_result(frame, "screen-lock"),
         showing(View::Document, "screen-lock")},
        {"Alt+Left returns to the procedure", [] { key(WXK_LEFT, wxMOD_ALT); },
         showing(View::Document, "vpn-security")},
        {"Ctrl+P shows my path", [] { key('P', wxMOD_CONTROL); },
         [&frame] { return frame.current_view() == View::Path; }, std::chrono::milliseconds(400)},
        {"screenshot: my path", screenshot(shots, "07-my-path"), {}},
        {"Esc goes back to the procedure", [] { key(WXK_ESCAPE); },
         showing(View::Document, "vpn-security")},
        {"Ctrl+L focuses the library", [] { key('L', wxMOD_CONTROL); },
         [&frame] { return frame.focused_name() == "library"; }},
        {"Tab leaves the library for the page", [] { key(WXK_TAB); },
         [&frame] { return frame.focused_name() == "document-view"; }},
        {"Ctrl+L, Down, Enter in the library opens the next document",
         [] {
             key('L', wxMOD_CONTROL);
             key(WXK_DOWN);
             key(WXK_RETURN);
         },
         [&frame] {
             return frame.current_view() == View::Document && frame.current_id() != "vpn-security";
         }},
    };
    steps.insert(steps.end(), more.begin(), more.end());
    return steps;
}

// The interface in Polish (--lang pl): the catalog was compiled, found and loaded.
std::vector<Step> polish(MainFrame& frame, const std::string& shots) {
    auto steps = opening(frame);
    std::vector<Step> more{
        {"the menus are in Polish",
         {},
         [&frame] { return frame.GetMenuBar()->GetMenuLabelText(0) == "Plik"; }},
        {"Ctrl+K, 'awaria' finds the Polish outage procedure",
         [] {
             key('K', wxMOD_CONTROL);
             type("awaria");
         },
         [&frame] { return result_listed(frame, "internet-outage-pl"); }},
        {"arrows and Enter open it", open_result(frame, "internet-outage-pl"),
         [&frame] {
             return frame.current_view() == View::Document &&
                    frame.current_id() == "internet-outage-pl";
         },
         std::chrono::milliseconds(400)},
        {"screenshot: Polish", screenshot(shots, "01-polish-procedure"), {}},
    };
    steps.insert(steps.end(), more.begin(), more.end());
    return steps;
}

// A step that never holds: the test suite runs this expecting failure, so that a broken
// driver (one that exits 0 whatever happens) cannot make every GUI test pass.
std::vector<Step> must_fail(MainFrame& frame) {
    auto steps = opening(frame);
    steps.push_back({"a step that never holds",
                     {},
                     [] { return false; },
                     std::chrono::milliseconds(0),
                     std::chrono::milliseconds(500)});
    return steps;
}

}  // namespace

std::unique_ptr<GuiTestDriver> make_gui_test(const std::string& name, MainFrame& frame,
                                             const std::string& screenshot_dir) {
    std::vector<Step> steps;
    if (name == "agent-day") {
        steps = agent_day(frame, screenshot_dir);
    } else if (name == "must-fail") {
        steps = must_fail(frame);
    } else if (name == "polish") {
        steps = polish(frame, screenshot_dir);
    } else if (name == "highlight") {
        steps = highlight_scenario(frame, screenshot_dir);
    } else if (name == "history") {
        steps = history_scenario(frame, screenshot_dir);
    } else if (name == "auto-lock") {
        steps = lock_scenario(frame, screenshot_dir);
    } else if (name == "first-start") {
        steps = first_start_scenario(frame, screenshot_dir);
    } else if (name == "sign-in") {
        steps = sign_in_scenario(frame, screenshot_dir);
    } else if (name == "synced-start") {
        steps = synced_start_scenario(frame, screenshot_dir);
    } else if (name == "lesson") {
        steps = lesson_scenario(frame, screenshot_dir);
    } else if (name == "lesson-redact") {
        steps = lesson_redact_scenario(frame, screenshot_dir);
    } else if (name == "quiz") {
        steps = quiz_scenario(frame, screenshot_dir);
    } else if (name == "quiz-signed") {
        steps = quiz_signed_scenario(frame, screenshot_dir);
    } else if (name == "sign") {
        steps = sign_scenario(frame, screenshot_dir);
    } else if (name == "sync") {
        steps = sync_scenario(frame, screenshot_dir);
    } else if (name == "sync-cancel") {
        steps = sync_cancel_scenario(frame, screenshot_dir);
    } else if (name == "set-aside") {
        steps = set_aside_scenario(frame, screenshot_dir);
    } else if (name == "library-large") {
        steps = library_scenario(frame, screenshot_dir);
    } else if (name == "bench") {
        steps = bench_scenario(frame, screenshot_dir);
    } else {
        return nullptr;
    }
    auto driver = std::make_unique<GuiTestDriver>(frame, std::move(steps));
    driver->on_failure = screenshot(screenshot_dir, "failed");
    return driver;
}

}  // namespace lectern::desktop
