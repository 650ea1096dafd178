#include "search/spelling_counts.hpp"

namespace lectern::search {

SpellingCounts::Entry& SpellingCounts::entry(std::string_view word) {
    if (auto it = counts_.find(word); it != counts_.end()) return it->second;
    return counts_.emplace(std::string(word), Entry{}).first->second;
}

void SpellingCounts::merge(const SpellingCounts& other) {
    for (const auto& [word, e] : other.counts_) counts_[word].documents += e.documents;
}

void SpellingCounts::write(Xapian::WritableDatabase& db) const {
    for (const auto& [word, e] : counts_) {
        if (e.documents > 0) db.add_spelling(word, e.documents);
    }
}

}  // namespace lectern::search
