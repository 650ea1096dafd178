// GUI test scenario of cancelling a sync, run by tests/gui/desktop_sync_gui_test.cpp: the
// server's changes (megabytes of new files and a paragraph added to the VPN procedure) come
// through a proxy that slows them down, so Esc lands while they are received. The sync stops
// within seconds, the status bar says it was cancelled, the local copy and the open procedure
// are as they were; then, with the server reached directly, F5 syncs and the changed procedure
// is read again at the heading the agent was reading.

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "gui_test_steps.hpp"
#include "main_frame.hpp"
#include "sync/client_config.hpp"
#include "sync/local_paths.hpp"
#include "sync/space_status.hpp"
#include "sync_controller.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

using namespace gui_test;

namespace {

struct Seen {
    std::string commit;   // of the local copy before the sync
    std::string file;     // the VPN procedure's file before the sync
    std::string heading;  // at the top of the view when Esc was pressed
    int top = 0;          // the view's first pixel row then
    std::size_t completed = 0;
};

std::string read_whole(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::filesystem::path vpn_file(const MainFrame& frame) {
    return frame.sync_controller().content_root() / "procedures" / "vpn-security.md";
}

std::string local_commit(const MainFrame& frame) {
    const auto space = sync::space_of_content_folder(frame.sync_controller().content_root());
    return space ? sync::space_status(*space).commit : std::string();
}

}  // namespace

std::vector<Step> sync_cancel_scenario(MainFrame& frame, const std::string& shots) {
    auto seen = std::make_shared<Seen>();
    auto steps = opening(frame);
    std::vector<Step> more{
        {"the procedure read last is open",
         [&frame, seen] {
             seen->commit = local_commit(frame);
             seen->file = read_whole(vpn_file(frame));
         },
         showing(frame, View::Document, "vpn-security")},
        {"Page Down twice: the agent reads below the first section",
         [] {
             for (int i = 0; i < 2; ++i) key(WXK_PAGEDOWN);
         },
         [&frame] {
             const std::string heading = frame.document_heading_at_top();
             return !heading.empty() && heading != "where-and-on-what-you-may-work";
         },
         std::chrono::milliseconds(300)},
        {"the sync on start is receiving the server's changes",
         {},
         [&frame] {
             return frame.sync_controller().running() &&
                    frame.sync_controller().phase() == "receiving";
         },
         std::chrono::milliseconds(500),
         std::chrono::seconds(90)},
        {"screenshot: receiving", screenshot(shots, "01-receiving"), {}},
        {"Esc cancels the sync: it stops within 3 seconds and says so",
         [&frame, seen] {
             seen->heading = frame.document_heading_at_top();
             seen->top = frame.document_span().top;
             key(WXK_ESCAPE);
         },
         [&frame] {
             return !frame.sync_controller().running() &&
                    from_wx(frame.sync_controller().status()).starts_with("Sync cancelled");
         },
         std::chrono::milliseconds(300), std::chrono::seconds(3)},
        {"screenshot: cancelled", screenshot(shots, "02-cancelled"), {}},
        {"the local copy, the open procedure and its place in it are as they were",
         {},
         [&frame, seen] {
             return local_commit(frame) == seen->commit &&
                    read_whole(vpn_file(frame)) == seen->file &&
                    frame.current_view() == View::Document &&
                    frame.current_id() == "vpn-security" &&
                    frame.document_span().top == seen->top && frame.sync_summary().empty();
         }},
        {"the server is reached directly again",
         [&frame, seen] {
             seen->completed = frame.sync_controller().syncs_completed();
             auto config = *sync::load_client_config();
             config.server = std::getenv("LECTERN_GUI_DIRECT_SERVER");
             sync::save_client_config(config);
         },
         {}},
        {"F5: the next sync brings the changes", [] { key(WXK_F5); },
         [&frame, seen] {
             return frame.sync_controller().syncs_completed() > seen->completed &&
                    frame.sync_summary().find("1 procedure updated") != std::string::npos;
         },
         std::chrono::milliseconds(500), std::chrono::seconds(120)},
        {"the changed procedure is open again at the heading the agent was reading",
         {},
         [&frame, seen] {
             return local_commit(frame) != seen->commit &&
                    read_whole(vpn_file(frame)) != seen->file &&
                    frame.current_view() == View::Document &&
                    frame.current_id() == "vpn-security" &&
                    frame.document_heading_at_top() == seen->heading &&
                    frame.document_span().top > seen->top;  // the paragraph added above
         },
         std::chrono::milliseconds(300)},
        {"screenshot: synced, same place", screenshot(shots, "03-synced-same-place"), {}},
    };
    steps.insert(steps.end(), more.begin(), more.end());
    return steps;
}

}  // namespace lectern::desktop
