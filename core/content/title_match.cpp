#include "content/title_match.hpp"

#include <algorithm>
#include <string>

#include "common/text.hpp"

namespace lectern::content {

namespace {

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!current.empty()) words.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

bool starts_a_word(const std::string& title, std::size_t at) {
    if (at == 0) return true;
    const char before = title[at - 1];
    return before == ' ' || before == '-' || before == '(' || before == '/' || before == '"';
}

// 0 is best. Returns -1 when a word is missing.
int rank(const std::string& lower_title, const std::string& lower_query,
         const std::vector<std::string>& words) {
    bool every_word_starts = true;
    for (const auto& word : words) {
        bool found = false;
        bool at_word_start = false;
        for (auto at = lower_title.find(word); at != std::string::npos;
             at = lower_title.find(word, at + 1)) {
            found = true;
            if (starts_a_word(lower_title, at)) {
                at_word_start = true;
                break;
            }
        }
        if (!found) return -1;
        every_word_starts = every_word_starts && at_word_start;
    }
    if (lower_title.starts_with(lower_query)) return 0;
    return every_word_starts ? 1 : 2;
}

}  // namespace

std::vector<const Document*> match_titles(const Space& space, std::string_view query,
                                          std::size_t limit) {
    const std::string lower_query = utf8_lower(query);
    const auto words = split_words(lower_query);
    if (words.empty() || limit == 0) return {};
    const std::string joined_query = [&] {
        std::string q;
        for (const auto& w : words) q += (q.empty() ? "" : " ") + w;
        return q;
    }();

    struct Ranked {
        int rank;
        const Document* doc;
    };
    std::vector<Ranked> found;
    for (const auto& doc : space.documents()) {
        const int r = rank(utf8_lower(doc.title), joined_query, words);
        if (r >= 0) found.push_back({r, &doc});
    }
    std::stable_sort(found.begin(), found.end(), [](const Ranked& a, const Ranked& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.doc->title < b.doc->title;
    });
    std::vector<const Document*> out;
    for (const auto& f : found) {
        if (out.size() == limit) break;
        out.push_back(f.doc);
    }
    return out;
}

}  // namespace lectern::content
