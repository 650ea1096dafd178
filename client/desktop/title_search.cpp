#include "content/title_match.hpp"
#include "search_backend.hpp"

namespace lectern::desktop {

namespace {

class TitleSearch : public SearchBackend {
  public:
    explicit TitleSearch(std::shared_ptr<const content::Space> space) : space_(std::move(space)) {}

    std::vector<SearchHit> search(const std::string& query, std::size_t limit) override {
        std::vector<SearchHit> hits;
        for (const auto* doc : content::match_titles(*space_, query, limit)) {
            hits.push_back({doc->id, doc->type, doc->title, doc->summary});
        }
        return hits;
    }

  private:
    std::shared_ptr<const content::Space> space_;  // immutable once loaded: safe to share
};

}  // namespace

std::unique_ptr<SearchBackend> make_title_search(std::shared_ptr<const content::Space> space) {
    return std::make_unique<TitleSearch>(std::move(space));
}

}  // namespace lectern::desktop
