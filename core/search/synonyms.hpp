#pragma once
// The synonyms trainers keep in synonyms.txt, as search uses them (internal to core/search).

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace lectern::search {

/// Words and phrases a query treats as the same ("refund = chargeback, money back").
/// Entries are kept as normalized words, so "Zwrot" and "zwrot" are one key.
class SynonymTable {
  public:
    SynonymTable() = default;
    /// One group per line of synonyms.txt, each entry a word or a phrase.
    explicit SynonymTable(const std::vector<std::vector<std::string>>& groups);

    /// The other entries of every group that holds the phrase `words` (normalized), each
    /// as its words. Empty when the phrase is in no group.
    std::vector<std::vector<std::string>> alternatives(const std::vector<std::string>& words) const;
    /// Words of the longest entry: how far ahead a query must look for a phrase.
    std::size_t longest_entry() const noexcept { return longest_; }
    bool empty() const noexcept { return groups_.empty(); }

  private:
    using Entry = std::vector<std::string>;
    std::vector<std::vector<Entry>> groups_;
    std::map<std::string, std::vector<std::size_t>, std::less<>> groups_by_entry_;
    std::size_t longest_ = 0;
};

}  // namespace lectern::search
