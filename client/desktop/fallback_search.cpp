#include <exception>

#include "common/log.hpp"
#include "search_backend.hpp"

namespace lectern::desktop {

namespace {

// Mid-call, a search that finds titles beats a search that fails: when the index cannot
// answer, the query goes to the title search and the failure to the search log.
class FallbackSearch : public SearchBackend {
  public:
    FallbackSearch(std::shared_ptr<SearchBackend> primary, std::shared_ptr<SearchBackend> fallback)
        : primary_(std::move(primary)), fallback_(std::move(fallback)) {}

    std::vector<SearchHit> search(const std::string& query, std::size_t limit) override {
        try {
            return primary_->search(query, limit);
        } catch (const std::exception& e) {
            log::error(log::kSearch,
                       std::string("the index failed, searching titles: ") + e.what());
        } catch (...) {
            // A library exception that core should have translated (core/search's rule); the
            // app must not end for it.
            log::error(log::kSearch,
                       "the index failed with an unknown exception, searching titles");
        }
        return fallback_->search(query, limit);
    }

  private:
    std::shared_ptr<SearchBackend> primary_;
    std::shared_ptr<SearchBackend> fallback_;
};

}  // namespace

std::unique_ptr<SearchBackend> with_fallback(std::shared_ptr<SearchBackend> primary,
                                             std::shared_ptr<SearchBackend> fallback) {
    return std::make_unique<FallbackSearch>(std::move(primary), std::move(fallback));
}

}  // namespace lectern::desktop
