// The library with a group too large to be listed at once (a copy of the sample content with
// 1,500 generated procedures): opened with Right, moved through with Page Down and End, a
// title found by typing its start, opened with Enter, and closed again with Left.

#include "gui_test_steps.hpp"
#include "library_panel.hpp"
#include "main_frame.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

using namespace gui_test;

std::vector<Step> library_scenario(MainFrame& frame, const std::string& shots) {
    auto steps = opening(frame);
    auto* library = &frame.library_panel();
    const auto selected_starts = [library](const char* start) {
        return [library, start] { return from_wx(library->selected_label()).rfind(start, 0) == 0; };
    };
    const std::vector<Step> more{
        {"Ctrl+L focuses the library", [] { key('L', wxMOD_CONTROL); },
         [&frame] { return frame.focused_name() == "library"; }},
        {"the procedures are too many to be listed at once",
         {},
         [library] { return library->groups()[0].size > kListedAtOnce; }},
        {"Home, Down selects the procedures' group",
         [] {
             key(WXK_HOME);
             key(WXK_DOWN);
         },
         selected_starts("Procedures")},
        {"it is closed", {}, [library] { return !library->group_open(0); }},
        {"screenshot: the library", screenshot(shots, "01-library"), {}},
        {"Right opens it", [] { key(WXK_RIGHT); }, [library] { return library->group_open(0); }},
        {"screenshot: the procedures listed", screenshot(shots, "02-procedures-open"), {}},
        {"Right goes to its first procedure", [] { key(WXK_RIGHT); },
         [library] { return library->selected_target().has_value(); }},
        {"Page Down twice reaches the generated procedures",
         [] {
             key(WXK_PAGEDOWN);
             key(WXK_PAGEDOWN);
         },
         selected_starts("Generated procedure")},
        {"screenshot: two pages down", screenshot(shots, "03-page-down"), {}},
        {"End goes to the last row: a path", [] { key(WXK_END); },
         [library] {
             const auto target = library->selected_target();
             return target && target->view == View::Path;
         }},
        {"Home, then typing 'vpn' finds the VPN procedure",
         [] {
             key(WXK_HOME);
             type("vpn");
         },
         [library] {
             return library->selected_target() == Location{View::Document, "vpn-security"};
         }},
        {"screenshot: found by typing", screenshot(shots, "04-typed-vpn"), {}},
        {"Enter opens it", [] { key(WXK_RETURN); }, showing(frame, View::Document, "vpn-security"),
         std::chrono::milliseconds(300)},
        {"screenshot: opened from the library", screenshot(shots, "05-opened"), {}},
        {"Ctrl+L, then Left goes up to the group and Left closes it",
         [] {
             key('L', wxMOD_CONTROL);
             key(WXK_LEFT);
             key(WXK_LEFT);
         },
         [library] {
             return !library->group_open(0) && library->selected_label() == "Procedures";
         }},
        {"Enter opens it again", [] { key(WXK_RETURN); },
         [library] { return library->group_open(0); }},
    };
    steps.insert(steps.end(), more.begin(), more.end());
    return steps;
}

}  // namespace lectern::desktop
