// The library part of the desktop benchmark: opening the biggest group with the keyboard and
// moving through it, each key timed to its rows on screen with the window's thread free again,
// and the longest time that thread was away while the key was handled.

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>

#include <wx/timer.h>

#include "gui_test_steps.hpp"
#include "library_panel.hpp"
#include "main_frame.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {

using namespace gui_test;

namespace {

using Clock = std::chrono::steady_clock;

double ms_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// One key measured: a timer ticking every 2 ms on the window's thread sees both when the key's
// effect (`done`, with the rows window painted since) is there and how long the thread was away
// between two ticks, from the key until 300 ms after its effect (work left for idle time or
// the next paint counts too).
class KeyProbe : public wxEvtHandler {
  public:
    explicit KeyProbe(wxWindow& painted) : painted_(std::make_shared<bool>(false)), timer_(this) {
        // A flag, not `this`: the window may outlive the probe.
        painted.Bind(wxEVT_PAINT, [flag = painted_](wxPaintEvent& event) {
            *flag = true;
            event.Skip();
        });
        // When the key reaches the window: the time before it is the X server's and the
        // simulator's, not the app's.
        painted.Bind(wxEVT_KEY_DOWN, [arrived = arrived_, flag = painted_](wxKeyEvent& event) {
            if (*arrived == Clock::time_point()) {
                *arrived = Clock::now();
                *flag = false;
            }
            event.Skip();
        });
        Bind(wxEVT_TIMER, [this](wxTimerEvent&) { tick(); });
    }

    void start(std::function<bool()> done) {
        done_ = std::move(done);
        sent_ = last_ = Clock::now();
        *painted_ = false;
        *arrived_ = Clock::time_point();
        latency_ms_ = -1;
        blocked_ms_ = 0;
        over_ = false;
        timer_.Start(2);
    }
    bool over() const { return over_; }
    double latency_ms() const { return latency_ms_; }
    double blocked_ms() const { return blocked_ms_; }
    /// From the key sent to its arrival in the window, -1 if it never came.
    double delivery_ms() const {
        return *arrived_ == Clock::time_point() ? -1 : ms_between(sent_, *arrived_);
    }
    /// The key has been sent (the simulator holds the thread until then).
    void sent() { returned_ = Clock::now(); }
    /// From the key sent to the simulator's return.
    double returned_ms() const { return ms_between(sent_, returned_); }

  private:
    void tick() {
        const auto now = Clock::now();
        const double since = ms_between(sent_, now);
        const auto arrived = *arrived_;
        if (arrived != Clock::time_point()) {
            // Measured from the key's arrival: before it, the thread was in the simulator.
            blocked_ms_ = std::max(blocked_ms_, ms_between(std::max(last_, arrived), now));
            if (latency_ms_ < 0 && *painted_ && done_()) latency_ms_ = ms_between(arrived, now);
        }
        last_ = now;
        if ((latency_ms_ >= 0 && since > delivery_ms() + latency_ms_ + 300) || since > 10000) {
            over_ = true;
            timer_.Stop();
        }
    }

    std::shared_ptr<bool> painted_;
    std::shared_ptr<Clock::time_point> arrived_ = std::make_shared<Clock::time_point>();
    wxTimer timer_;
    std::function<bool()> done_;
    Clock::time_point sent_;
    Clock::time_point last_;
    Clock::time_point returned_;
    double latency_ms_ = -1;
    double blocked_ms_ = 0;
    bool over_ = false;
};

struct Figures {
    wxString group;
    std::size_t rows = 0;
    double open_ms = -1;
    double open_blocked_ms = 0;
    double open_delivery_ms = 0;
    std::vector<double> keys_delivery_ms;
    std::vector<double> keys_returned_ms;
    std::vector<double> keys_ms;
    double keys_blocked_ms = 0;
};

std::size_t biggest_group(const LibraryPanel& library) {
    const auto& groups = library.groups();
    std::size_t biggest = 0;
    for (std::size_t g = 1; g < groups.size(); ++g) {
        if (groups[g].size > groups[biggest].size) biggest = g;
    }
    return biggest;
}

// A step: `code` pressed, measured until the library's selection moves.
Step moving_key(MainFrame& frame, std::shared_ptr<KeyProbe> probe, std::shared_ptr<Figures> figures,
                const char* what, int code) {
    auto* library = &frame.library_panel();
    return {what,
            [library, probe, code] {
                auto before = library->selected_target();
                probe->start([library, before] { return library->selected_target() != before; });
                key(code);
                probe->sent();
            },
            [probe, figures] {
                if (!probe->over()) return false;
                figures->keys_ms.push_back(probe->latency_ms());
                figures->keys_delivery_ms.push_back(probe->delivery_ms());
                figures->keys_returned_ms.push_back(probe->returned_ms());
                figures->keys_blocked_ms = std::max(figures->keys_blocked_ms, probe->blocked_ms());
                return true;
            }};
}

}  // namespace

std::vector<Step> library_bench_steps(MainFrame& frame, std::function<void()>& report) {
    auto figures = std::make_shared<Figures>();
    auto probe = std::make_shared<KeyProbe>(frame.library_panel().rows_window());
    auto* library = &frame.library_panel();
    std::vector<Step> steps{
        {"Ctrl+L focuses the library", [] { key('L', wxMOD_CONTROL); },
         [&frame] { return frame.focused_name() == "library"; }},
        {"Home selects the space", [] { key(WXK_HOME); },
         [library] { return !library->selected_label().empty(); }},
        // Down until the biggest group's row is selected (the groups before it may be open).
        {"Down to the biggest group",
         {},
         [library] {
             const auto& title = library->groups()[biggest_group(*library)].title;
             if (library->selected_label() == title) return true;
             key(WXK_DOWN);
             return false;
         }},
        {"Right opens it",
         [library, probe] {
             const std::size_t group = biggest_group(*library);
             probe->start([library, group] { return library->group_open(group); });
             key(WXK_RIGHT);
             probe->sent();
         },
         [library, probe, figures] {
             if (!probe->over()) return false;
             figures->group = library->groups()[biggest_group(*library)].title;
             figures->rows = library->groups()[biggest_group(*library)].size;
             figures->open_ms = probe->latency_ms();
             figures->open_blocked_ms = probe->blocked_ms();
             figures->open_delivery_ms = probe->delivery_ms();
             return true;
         }},
        moving_key(frame, probe, figures, "Down into the group", WXK_DOWN),
        moving_key(frame, probe, figures, "Down", WXK_DOWN),
        moving_key(frame, probe, figures, "Down", WXK_DOWN),
    };
    for (int i = 0; i < 5; ++i)
        steps.push_back(moving_key(frame, probe, figures, "Page Down", WXK_PAGEDOWN));
    steps.push_back(moving_key(frame, probe, figures, "Page Up", WXK_PAGEUP));
    report = [figures] {
        const auto& ms = figures->keys_ms;
        const bool all_moved = std::none_of(ms.begin(), ms.end(), [](double v) { return v < 0; });
        std::cout << "bench: library_group \"" << from_wx(figures->group) << "\" rows "
                  << figures->rows << "\n"
                  << "bench: library_open_ms " << figures->open_ms << "\n"
                  << "bench: library_open_blocked_ms " << figures->open_blocked_ms << "\n"
                  << "bench: library_open_key_delivery_ms " << figures->open_delivery_ms << "\n"
                  << "bench: library_keys " << ms.size()
                  << (all_moved ? "" : " (some did not move the selection: -1)") << "\n"
                  << "bench: library_key_ms";
        for (double v : ms) std::cout << " " << v;
        std::cout << "\n"
                  << "bench: library_key_delivery_ms";
        for (double v : figures->keys_delivery_ms) std::cout << " " << v;
        std::cout << "\n"
                  << "bench: library_key_simulator_ms";
        for (double v : figures->keys_returned_ms) std::cout << " " << v;
        std::cout << "\n"
                  << "bench: library_key_max_ms " << *std::max_element(ms.begin(), ms.end()) << "\n"
                  << "bench: library_key_blocked_ms " << figures->keys_blocked_ms << "\n";
    };
    return steps;
}

}  // namespace lectern::desktop
