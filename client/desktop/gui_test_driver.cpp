#include "gui_test_driver.hpp"

#include <iostream>

#include "app.hpp"
#include "main_frame.hpp"

namespace lectern::desktop {

namespace {
// Generous: the debug build with sanitizers under Xvfb on a busy machine is slow.
constexpr std::chrono::seconds kStepTimeout{20};
constexpr int kTickMs = 40;
}  // namespace

GuiTestDriver::GuiTestDriver(MainFrame& frame, std::vector<Step> steps)
    : frame_(frame), steps_(std::move(steps)), timer_(this) {
    Bind(wxEVT_TIMER, &GuiTestDriver::on_tick, this);
}

void GuiTestDriver::start() {
    std::cerr << "gui-test: " << steps_.size() << " steps\n";
    resume_ = std::chrono::steady_clock::now();
    deadline_ = resume_ + kStepTimeout;
    timer_.Start(kTickMs);
}

void GuiTestDriver::on_tick(wxTimerEvent&) {
    const auto now = std::chrono::steady_clock::now();
    if (now < resume_) return;
    if (next_ == steps_.size()) {
        finish(true, "every step held");
        return;
    }
    auto& step = steps_[next_];
    if (!acted_) {
        acted_ = true;
        deadline_ =
            now +
            (step.timeout.count() > 0
                 ? std::chrono::duration_cast<std::chrono::steady_clock::duration>(step.timeout)
                 : std::chrono::duration_cast<std::chrono::steady_clock::duration>(kStepTimeout));
        std::cerr << "gui-test: " << step.what << "\n";
        if (step.act) step.act();
        return;  // let the events of the action run before checking
    }
    if (!step.until || step.until()) {
        ++next_;
        acted_ = false;
        resume_ = now + step.settle;
        return;
    }
    if (now > deadline_) finish(false, "timed out waiting for: " + step.what);
}

void GuiTestDriver::finish(bool passed, const std::string& message) {
    timer_.Stop();
    std::cerr << "gui-test: " << (passed ? "PASSED: " : "FAILED: ") << message << "\n";
    if (!passed && on_failure) on_failure();
    wxGetApp().set_exit_code(passed ? 0 : 1);
    frame_.Close(true);
}

}  // namespace lectern::desktop
