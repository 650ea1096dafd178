#pragma once
// Work off the UI thread whose result comes back to the UI thread only while its owner lives.

#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <wx/app.h>

namespace lectern::desktop {

/// Owned by a window or controller. run() starts `work` on a thread of its own; when it
/// finishes, `done` (or `failed`, with the error's message) runs on the UI thread, but only
/// if this Background still exists then. The destructor waits for running work, which
/// must therefore be short or honour a cancel token of its own.
class Background {
  public:
    Background() = default;
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;
    ~Background() {
        alive_.reset();
        threads_.clear();  // std::jthread joins
    }

    template <typename Result>
    void run(std::function<Result()> work, std::function<void(Result&)> done,
             std::function<void(const std::string&)> failed) {
        std::weak_ptr<char> alive = alive_;
        threads_.emplace_back(
            [alive, work = std::move(work), done = std::move(done), failed = std::move(failed)] {
                auto result = std::make_shared<Result>();
                auto error = std::make_shared<std::string>();
                try {
                    *result = work();
                } catch (const std::exception& e) {
                    *error = e.what();
                    if (error->empty()) *error = "unknown error";
                } catch (...) {
                    // Nothing may leave a thread (it would end the app): a failure to report.
                    *error = "unexpected error";
                }
                // wxEvtHandler::CallAfter queues an event: safe from any thread. The application
                // as wxAppConsole: the window-free tests have no GUI one.
                wxAppConsole::GetInstance()->CallAfter([alive, done, failed, result, error] {
                    if (!alive.lock()) return;  // the owner is gone: drop the result
                    if (error->empty()) {
                        done(*result);
                    } else {
                        failed(*error);
                    }
                });
            });
    }

  private:
    std::shared_ptr<char> alive_ = std::make_shared<char>(0);
    std::vector<std::jthread> threads_;
};

}  // namespace lectern::desktop
