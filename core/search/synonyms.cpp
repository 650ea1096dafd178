#include "search/synonyms.hpp"

#include <algorithm>

#include "search/words.hpp"

namespace lectern::search {

namespace {

std::string key_of(const std::vector<std::string>& words) {
    std::string key;
    for (const auto& w : words) key += (key.empty() ? "" : " ") + w;
    return key;
}

}  // namespace

SynonymTable::SynonymTable(const std::vector<std::vector<std::string>>& groups) {
    for (const auto& group : groups) {
        std::vector<Entry> entries;
        for (const auto& text : group) {
            Entry words;
            for_each_word(text, [&](const Word& w) { words.push_back(normalize_word(w.text)); });
            if (!words.empty() &&
                std::find(entries.begin(), entries.end(), words) == entries.end()) {
                entries.push_back(std::move(words));
            }
        }
        if (entries.size() < 2) continue;
        const std::size_t index = groups_.size();
        for (const auto& e : entries) {
            longest_ = std::max(longest_, e.size());
            groups_by_entry_[key_of(e)].push_back(index);
        }
        groups_.push_back(std::move(entries));
    }
}

std::vector<std::vector<std::string>> SynonymTable::alternatives(
    const std::vector<std::string>& words) const {
    std::vector<Entry> out;
    auto it = groups_by_entry_.find(key_of(words));
    if (it == groups_by_entry_.end()) return out;
    for (std::size_t g : it->second) {
        for (const auto& entry : groups_[g]) {
            if (entry != words && std::find(out.begin(), out.end(), entry) == out.end())
                out.push_back(entry);
        }
    }
    return out;
}

}  // namespace lectern::search
