#pragma once
// Search as you type without freezing the window: the latest query runs on a thread of its
// own; older queries still waiting are dropped, and results that arrive after a newer query
// was typed are ignored.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "search_backend.hpp"

namespace lectern::desktop {

class SearchController {
  public:
    /// Receives the results of the newest query (or an error message), on the UI thread.
    using ResultsHandler = std::function<void(
        const std::string& query, const std::vector<SearchHit>& hits, const std::string& error)>;

    explicit SearchController(ResultsHandler on_results);
    ~SearchController();
    SearchController(const SearchController&) = delete;
    SearchController& operator=(const SearchController&) = delete;

    /// Replaces the backend (a newly loaded space). UI thread.
    void set_backend(std::shared_ptr<SearchBackend> backend);
    /// Searches for `query` soon; an empty query clears the results at once. UI thread.
    void search(const std::string& query);
    /// True while a query typed is not answered yet (for tests and a busy hint).
    bool busy() const { return answered_ != typed_; }
    /// How long the search thread took over the answer shown last, in milliseconds.
    double last_search_ms() const { return last_search_ms_; }

  private:
    struct Request {
        std::uint64_t generation = 0;
        std::string query;
    };
    void run(std::stop_token stop);
    void deliver(std::uint64_t generation, const std::string& query,
                 const std::vector<SearchHit>& hits, const std::string& error,
                 double search_ms = 0);

    static constexpr std::size_t kMaxResults = 50;

    ResultsHandler on_results_;
    std::uint64_t typed_ = 0;     // UI thread only
    std::uint64_t answered_ = 0;  // UI thread only
    double last_search_ms_ = 0;   // UI thread only
    std::shared_ptr<char> alive_ = std::make_shared<char>(0);

    std::mutex mutex_;  // guards pending_ and backend_
    std::condition_variable_any wake_;
    std::optional<Request> pending_;
    std::shared_ptr<SearchBackend> backend_;
    std::jthread worker_;  // last: starts after everything it uses
};

}  // namespace lectern::desktop
