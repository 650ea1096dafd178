#include "search/space_index.hpp"

#include <xapian.h>

#include "search/xapian_errors.hpp"

namespace lectern::search {

SpaceIndex::SpaceIndex(IndexConfig config) : config_(std::move(config)) {
    if (config_.index_dir.empty()) config_.index_dir = config_.resolved_index_dir();
}

SpaceIndex::~SpaceIndex() = default;
SpaceIndex::SpaceIndex(SpaceIndex&&) noexcept = default;
SpaceIndex& SpaceIndex::operator=(SpaceIndex&&) noexcept = default;

IndexReport SpaceIndex::update(const UpdateOptions& options) {
    IndexReport report = update_index(config_, options);
    if (report.source == ChangeSource::Rebuild) {
        searcher_.reset();  // a rebuild is a new database folder
    } else if (searcher_) {
        searcher_->reopen();
    }
    return report;
}

SearchResults SpaceIndex::rebuild_and_search(const SearchRequest& request, const std::string& why) {
    searcher_.reset();
    UpdateOptions options;
    options.rebuild = true;
    update_index(config_, options);
    searcher_ = std::make_unique<Searcher>(config_.index_dir);
    SearchResults results = searcher_->search(request);
    results.notes.push_back(why);
    return results;
}

SearchResults SpaceIndex::search(const SearchRequest& request) {
    if (!searcher_) {
        try {
            searcher_ = std::make_unique<Searcher>(config_.index_dir);
        } catch (const Error& e) {
            return rebuild_and_search(
                request, e.kind() == ErrorKind::NotFound
                             ? "there was no search index yet: it has been built"
                             : "the search index could not be read and has been rebuilt");
        }
    }
    try {
        return searcher_->search_or_throw_xapian(request);
    } catch (const Xapian::DatabaseModifiedError&) {
        searcher_->reopen();
        return searcher_->search(request);
    } catch (const Xapian::Error& e) {
        if (!means_rebuild(e))
            throw xapian_error(e, "searching the index at " + config_.index_dir.string());
        return rebuild_and_search(
            request, "the search index was damaged (" + e.get_msg() + ") and has been rebuilt");
    }
}

}  // namespace lectern::search
