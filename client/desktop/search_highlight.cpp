#include "search_highlight.hpp"

#include <algorithm>

#include "search/words.hpp"
#include "search_backend.hpp"

namespace lectern::desktop {

namespace {

// Background of a marked word: the stylesheet's `mark` colour. wxHtmlWindow reads
// background-color from a span's style (and no other CSS).
constexpr std::string_view kMarkOpen = "<span style=\"background-color: #ffe58a\">";
constexpr std::string_view kMarkClose = "</span>";

void add_unique(std::vector<std::string>& list, std::string word) {
    if (word.empty() || std::find(list.begin(), list.end(), word) != list.end()) return;
    list.push_back(std::move(word));
}

bool is_operator(std::string_view token) {
    return token == "AND" || token == "OR" || token == "NOT" || token == "NEAR";
}

bool matches(const HighlightTerms& terms, const std::string& normal) {
    if (std::find(terms.words.begin(), terms.words.end(), normal) != terms.words.end()) return true;
    return std::any_of(terms.prefixes.begin(), terms.prefixes.end(),
                       [&](const std::string& p) { return normal.starts_with(p); });
}

// Marks the matching words of one run of text (no tags in it).
void mark_text(std::string_view text, const HighlightTerms& terms, std::string& out,
               std::size_t& count) {
    std::size_t copied = 0;
    search::for_each_word(text, [&](const search::Word& word) {
        if (!matches(terms, search::normalize_word(word.text))) return;
        out.append(text.substr(copied, word.offset - copied));
        if (count == 0) out += std::string("<a name=\"") + kFirstMatchAnchor + "\"></a>";
        out.append(kMarkOpen);
        out.append(word.text);
        out.append(kMarkClose);
        copied = word.offset + word.text.size();
        ++count;
    });
    out.append(text.substr(copied));
}

}  // namespace

HighlightTerms highlight_terms(std::string_view query, std::string_view snippet) {
    HighlightTerms terms;
    for (std::size_t at = snippet.find(kMarkBegin); at != std::string_view::npos;
         at = snippet.find(kMarkBegin, at)) {
        const std::size_t start = at + std::string_view(kMarkBegin).size();
        const std::size_t end = snippet.find(kMarkEnd, start);
        if (end == std::string_view::npos) break;
        search::for_each_word(snippet.substr(start, end - start), [&](const search::Word& w) {
            add_unique(terms.words, search::normalize_word(w.text));
        });
        at = end;
    }
    std::size_t i = 0;
    while (i < query.size()) {
        const std::size_t start = query.find_first_not_of(" \t", i);
        if (start == std::string_view::npos) break;
        std::size_t end = query.find_first_of(" \t", start);
        if (end == std::string_view::npos) end = query.size();
        const std::string_view token = query.substr(start, end - start);
        i = end;
        if (token.starts_with('-') || token.find(':') != std::string_view::npos ||
            is_operator(token))
            continue;
        search::for_each_word(token, [&](const search::Word& w) {
            // One letter would mark half the page.
            if (w.text.size() >= 2) add_unique(terms.prefixes, search::normalize_word(w.text));
        });
    }
    return terms;
}

std::string highlight_html(std::string_view html, const HighlightTerms& terms, std::size_t* count) {
    std::size_t marked = 0;
    std::string out;
    if (terms.empty()) {
        if (count) *count = 0;
        return std::string(html);
    }
    out.reserve(html.size() + html.size() / 8);
    std::size_t i = 0;
    while (i < html.size()) {
        const std::size_t special = html.find_first_of("<&", i);
        const std::size_t text_end = special == std::string_view::npos ? html.size() : special;
        mark_text(html.substr(i, text_end - i), terms, out, marked);
        if (text_end == html.size()) break;
        // A tag or an entity is copied whole: words are only ever marked in text.
        const char closer = html[text_end] == '<' ? '>' : ';';
        std::size_t stop = html.find(closer, text_end);
        stop = stop == std::string_view::npos ? html.size() : stop + 1;
        out.append(html.substr(text_end, stop - text_end));
        i = stop;
    }
    if (count) *count = marked;
    return out;
}

}  // namespace lectern::desktop
