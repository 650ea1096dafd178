#include "search_controller.hpp"

#include <chrono>
#include <exception>

#include <wx/app.h>

namespace lectern::desktop {

SearchController::SearchController(ResultsHandler on_results)
    : on_results_(std::move(on_results)), worker_([this](std::stop_token stop) { run(stop); }) {}

SearchController::~SearchController() {
    alive_.reset();
    worker_.request_stop();  // wakes the condition variable waiting with this token
    worker_.join();
}

void SearchController::set_backend(std::shared_ptr<SearchBackend> backend) {
    std::lock_guard lock(mutex_);
    backend_ = std::move(backend);
}

void SearchController::search(const std::string& query) {
    const std::uint64_t generation = ++typed_;
    if (query.find_first_not_of(" \t") == std::string::npos) {
        {
            std::lock_guard lock(mutex_);
            pending_.reset();
        }
        deliver(generation, query, {}, {});
        return;
    }
    {
        std::lock_guard lock(mutex_);
        pending_ = Request{generation, query};
    }
    wake_.notify_one();
}

void SearchController::run(std::stop_token stop) {
    while (true) {
        Request request;
        std::shared_ptr<SearchBackend> backend;
        {
            std::unique_lock lock(mutex_);
            if (!wake_.wait(lock, stop, [this] { return pending_.has_value(); })) return;
            request = std::move(*pending_);
            pending_.reset();
            backend = backend_;
        }
        std::vector<SearchHit> hits;
        std::string error;
        const auto started = std::chrono::steady_clock::now();
        if (backend) {
            try {
                hits = backend->search(request.query, kMaxResults);
            } catch (const std::exception& e) {
                error = e.what();
            } catch (...) {
                // Nothing may leave this thread (it would end the app); say it failed.
                error = "unexpected error";
            }
        }
        const double took =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        std::weak_ptr<char> alive = alive_;
        wxTheApp->CallAfter([this, alive, request, hits = std::move(hits), error, took] {
            if (alive.lock()) deliver(request.generation, request.query, hits, error, took);
        });
    }
}

void SearchController::deliver(std::uint64_t generation, const std::string& query,
                               const std::vector<SearchHit>& hits, const std::string& error,
                               double search_ms) {
    if (generation <= answered_) return;  // a newer answer is already shown
    answered_ = generation;
    last_search_ms_ = search_ms;
    on_results_(query, hits, error);
}

}  // namespace lectern::desktop
