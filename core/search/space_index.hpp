#pragma once
// The search index of one space as front ends use it: keep it up to date, search it, and
// repair it when it is damaged. No Xapian or libgit2 types here.

#include <memory>

#include "search/index_writer.hpp"
#include "search/searcher.hpp"

namespace lectern::search {

/// One space's index: the writer and a searcher over it. Not shared between threads: a
/// front end keeps one per thread that searches, or guards one with a mutex.
class SpaceIndex {
  public:
    explicit SpaceIndex(IndexConfig config);
    ~SpaceIndex();
    SpaceIndex(SpaceIndex&&) noexcept;
    SpaceIndex& operator=(SpaceIndex&&) noexcept;

    /// update_index() on this space; the searcher sees the result afterwards.
    IndexReport update(const UpdateOptions& options = {});

    /// Searches the index. When it is missing or damaged it is rebuilt first (which takes
    /// as long as `lectern index --rebuild`) and a note in the results says so. Throws
    /// Error only when the rebuild fails too.
    SearchResults search(const SearchRequest& request);

    const IndexConfig& config() const noexcept { return config_; }

  private:
    SearchResults rebuild_and_search(const SearchRequest& request, const std::string& why);

    IndexConfig config_;
    std::unique_ptr<Searcher> searcher_;
};

}  // namespace lectern::search
