// Built instead of index_search.cpp when core has no search subsystem yet: the search box
// then searches titles only (content::match_titles).

#include "search_backend.hpp"

namespace lectern::desktop {

std::unique_ptr<SearchBackend> make_index_search(const std::filesystem::path&) {
    return nullptr;
}

}  // namespace lectern::desktop
