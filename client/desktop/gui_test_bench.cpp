// The desktop benchmark, run by bench/run-desktop-bench.sh on a generated space of 50,000
// documents (not part of the tests): time from process start to usable search, keystroke to
// results on screen while typing words letter by letter, resident memory; then the library's
// biggest group opened and moved through with the keyboard (gui_test_bench_library.cpp).

#include <unistd.h>
#include <fstream>
#include <iostream>
#include <sstream>

#include <algorithm>

#include "gui_test_steps.hpp"
#include "main_frame.hpp"

namespace lectern::desktop {

using namespace gui_test;

namespace {

// Seconds since boot now and when this process started, from /proc (ticks of 1/100 s).
double seconds_since_process_start() {
    std::ifstream stat("/proc/self/stat");
    std::string line;
    std::getline(stat, line);
    // Field 22 (starttime) counts from the one after the ")" that ends the command name.
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 22; ++i) fields >> field;
    const double started = std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
    double uptime = 0;
    std::ifstream("/proc/uptime") >> uptime;
    return uptime - started;
}

double resident_mb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    long kb = 0;
    while (status >> key) {
        if (key == "VmRSS:") {
            status >> kb;
            break;
        }
        std::getline(status, key);
    }
    return static_cast<double>(kb) / 1024.0;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

// Words of the generated corpus's vocabulary (bench/corpus_generator.cpp), typed as an agent
// types them.
const char* const kWords[] = {"account",    "balance",   "boiler",  "battery",   "electricity",
                              "escalation", "complaint", "letter",  "emergency", "checklist",
                              "card",       "debit",     "cancel",  "refund",    "meter",
                              "password",   "router",    "invoice", "address",   "service"};

}  // namespace

std::vector<Step> bench_scenario(MainFrame& frame, const std::string&) {
    auto started = std::make_shared<double>(0);
    auto settled = std::make_shared<double>(0);
    auto resident_ready = std::make_shared<double>(0);
    auto resident_settled = std::make_shared<double>(0);
    std::vector<Step> steps{
        {"the space shows and its search answers",
         {},
         [&frame, started, resident_ready] {
             if (!frame.space_ready()) return false;
             *started = seconds_since_process_start();
             *resident_ready = resident_mb();
             return true;
         },
         std::chrono::milliseconds(10),
         std::chrono::seconds(600)},
        // The typing starts once the background work is done (index freshness, the check of
        // every file), so the figures are the search's own; their time is reported apart.
        {"the index is up to date and the content checked",
         {},
         [&frame, settled, resident_settled] {
             if (!frame.index_settled() || !frame.content_checked()) return false;
             *settled = seconds_since_process_start();
             *resident_settled = resident_mb();
             return true;
         },
         std::chrono::milliseconds(500),
         std::chrono::seconds(600)},
    };
    const auto more = opening(frame);
    steps.push_back(more[1]);  // the window focused
    for (const char* word : kWords) {
        steps.push_back({"Ctrl+K", [] { key('K', wxMOD_CONTROL); },
                         [&frame] { return frame.current_view() == View::Search; }});
        for (const char* c = word; *c; ++c) {
            const char letter[2] = {*c, 0};
            steps.push_back({std::string("type ") + letter,
                             [letter0 = letter[0]] {
                                 const char typed[2] = {letter0, 0};
                                 type(typed);
                             },
                             [&frame] { return !frame.search_busy(); },
                             std::chrono::milliseconds(60)});
        }
        steps.push_back({"Esc", [] { key(WXK_ESCAPE); }, {}, std::chrono::milliseconds(60)});
    }
    auto resident_typed = std::make_shared<double>(0);
    steps.push_back({"resident memory after the typing",
                     [resident_typed] { *resident_typed = resident_mb(); },
                     {}});
    auto library_report = std::make_shared<std::function<void()>>();
    const auto library = library_bench_steps(frame, *library_report);
    steps.insert(steps.end(), library.begin(), library.end());
    steps.push_back({"report",
                     [&frame, started, settled, resident_ready, resident_settled, resident_typed,
                      library_report] {
                         const auto& ms = frame.keystroke_latencies_ms();
                         std::cout << "bench: startup_to_search_s " << *started << "\n"
                                   << "bench: startup_to_settled_s " << *settled << "\n"
                                   << "bench: keystrokes " << ms.size() << "\n"
                                   << "bench: keystroke_p50_ms " << percentile(ms, 0.50) << "\n"
                                   << "bench: keystroke_p99_ms " << percentile(ms, 0.99) << "\n"
                                   << "bench: keystroke_max_ms " << percentile(ms, 1.0) << "\n"
                                   << "bench: resident_at_search_mb " << *resident_ready << "\n"
                                   << "bench: resident_at_settled_mb " << *resident_settled << "\n"
                                   << "bench: resident_mb " << *resident_typed << "\n";
                         // The slowest keystrokes and where their time went.
                         auto traces = frame.keystroke_traces();
                         std::sort(traces.begin(), traces.end(), [](const auto& a, const auto& b) {
                             return a.total_ms > b.total_ms;
                         });
                         for (std::size_t i = 0; i < std::min<std::size_t>(5, traces.size()); ++i) {
                             const auto& t = traces[i];
                             std::cout << "bench: slow \"" << t.query << "\" " << t.total_ms
                                       << " ms (search " << t.search_ms << ", list " << t.show_ms
                                       << ", " << t.hits << " hits)\n";
                         }
                         (*library_report)();
                         std::cout << "bench: resident_after_library_mb " << resident_mb() << "\n"
                                   << std::flush;
                     },
                     {}});
    return steps;
}

}  // namespace lectern::desktop
