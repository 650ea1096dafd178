#include "gui_test_steps.hpp"

#include <wx/uiaction.h>
#include <wx/utils.h>

#include "main_frame.hpp"
#include "search_panel.hpp"
#include "wx_text.hpp"

namespace lectern::desktop::gui_test {

void key(int code, int modifiers) {
    wxUIActionSimulator keyboard;
    keyboard.Char(code, modifiers);
}

void type(const char* text) {
    wxUIActionSimulator keyboard;
    keyboard.Text(text);
}

std::function<void()> screenshot(const std::string& dir, const std::string& name) {
    if (dir.empty()) return {};
    return [path = dir + "/" + name + ".png"] {
        // ImageMagick reads the whole Xvfb screen: what a person would see.
        wxExecute(to_wx("import -window root " + path), wxEXEC_SYNC | wxEXEC_NOEVENTS);
    };
}

int result_row(const MainFrame& frame, const std::string& id) {
    if (frame.search_busy()) return -1;
    const auto& hits = frame.search_panel().hits();
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (hits[i].document_id == id) return static_cast<int>(i);
    }
    return -1;
}

bool result_listed(const MainFrame& frame, const std::string& id) {
    return result_row(frame, id) >= 0;
}

std::function<void()> open_result(const MainFrame& frame, std::string id) {
    return [&frame, id] {
        for (int i = 0; i < result_row(frame, id); ++i) key(WXK_DOWN);
        key(WXK_RETURN);
    };
}

std::vector<Step> opening(MainFrame& frame) {
    return {
        {"the content loads and its search index is ready",
         {},
         [&frame] { return frame.space_ready() && frame.index_settled(); },
         std::chrono::milliseconds(600)},
        {"focus the window",
         [&frame] {
             frame.Raise();
             // Without a window manager, X gives the keyboard to the window under the pointer.
             wxUIActionSimulator mouse;
             mouse.MouseMove(frame.GetScreenRect().GetPosition() +
                             wxPoint(frame.GetSize().x / 2, 200));
         },
         {},
         std::chrono::milliseconds(300)},
    };
}

std::function<bool()> showing(const MainFrame& frame, View view, std::string id) {
    return [&frame, view, id] { return frame.current_view() == view && frame.current_id() == id; };
}

std::vector<Step> search_and_open(MainFrame& frame, const char* query, const std::string& id) {
    return {
        {"Ctrl+K opens the search", [] { key('K', wxMOD_CONTROL); },
         [&frame] { return frame.current_view() == View::Search; }},
        {std::string("typing '") + query + "' finds " + id, [query] { type(query); },
         [&frame, id] { return result_listed(frame, id); }, std::chrono::milliseconds(300)},
        {"arrows and Enter open " + id, open_result(frame, id), showing(frame, View::Document, id),
         std::chrono::milliseconds(400)},
    };
}

}  // namespace lectern::desktop::gui_test
