#include "search/space_index.hpp"
#include "search_backend.hpp"

namespace lectern::desktop {

namespace {

class IndexSearch : public SearchBackend {
  public:
    explicit IndexSearch(search::SpaceIndex index) : index_(std::move(index)) {}

    std::vector<SearchHit> search(const std::string& query, std::size_t limit) override {
        search::SearchRequest request;
        request.query = query;
        request.limit = limit;
        request.snippet_length = 160;
        request.highlight = {kMarkBegin, kMarkEnd, false};
        const auto results = index_.search(request);
        std::vector<SearchHit> hits;
        for (const auto& found : results.hits) {
            SearchHit hit;
            hit.document_id = found.id;
            hit.type = content::document_type_from_string(found.type)
                           .value_or(content::DocumentType::Procedure);
            hit.title = found.title;
            hit.snippet = found.snippet;
            hit.step = found.step;
            hits.push_back(std::move(hit));
        }
        return hits;
    }

  private:
    search::SpaceIndex index_;  // used on the search thread only, as SpaceIndex requires
};

}  // namespace

std::unique_ptr<SearchBackend> make_index_search(const std::filesystem::path& space_root) {
    // Opened lazily by the first search, on the search thread.
    return std::make_unique<IndexSearch>(search::SpaceIndex(search::IndexConfig{space_root, {}}));
}

}  // namespace lectern::desktop
