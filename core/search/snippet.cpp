#include "search/snippet.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "search/words.hpp"

namespace lectern::search {

namespace {

struct Hit {
    std::size_t begin;  // bytes
    std::size_t end;
    std::size_t which;  // index of the query word matched, for counting distinct ones
};

std::size_t count_chars(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Decides whether a word of the text is one the query matched.
class Matcher {
  public:
    Matcher(const MatchedWords& matched, const Xapian::Stem* stemmer)
        : matched_(matched), stemmer_(stemmer) {
        if (stemmer_) {
            for (const auto& w : matched_.words) stems_.push_back(normalize_word((*stemmer_)(w)));
        }
        for (const std::vector<std::string>* list :
             {&matched_.words, &matched_.prefixes,
              static_cast<const std::vector<std::string>*>(&stems_)}) {
            for (const auto& w : *list) {
                if (!w.empty()) first_bytes_[static_cast<unsigned char>(w.front())] = true;
            }
        }
    }

    // Most words of a text cannot match: an ASCII word whose first letter starts no query
    // word is turned away before normalize_word allocates anything.
    bool may_match(std::string_view raw) const {
        auto first = static_cast<unsigned char>(raw.front());
        if (first >= 0x80) return true;  // may fold to anything
        if (first >= 'A' && first <= 'Z') first = static_cast<unsigned char>(first + 32);
        return first_bytes_[first];
    }

    // Index of the query word matched (words first, then prefixes), or -1.
    long match(std::string_view raw) const {
        if (!may_match(raw)) return -1;
        const std::string word = normalize_word(raw);
        for (std::size_t i = 0; i < matched_.words.size(); ++i) {
            if (word == matched_.words[i]) return static_cast<long>(i);
        }
        for (std::size_t i = 0; i < matched_.prefixes.size(); ++i) {
            if (starts_with(word, matched_.prefixes[i]))
                return static_cast<long>(matched_.words.size() + i);
        }
        // Stemming every word of the text would cost more than the search: only words that
        // begin like a query word's stem can share it.
        for (std::size_t i = 0; i < stems_.size(); ++i) {
            if (stems_[i].size() >= 3 && starts_with(word, stems_[i]) &&
                normalize_word((*stemmer_)(lower_word(raw))) == stems_[i]) {
                return static_cast<long>(i);
            }
        }
        return -1;
    }

  private:
    const MatchedWords& matched_;
    const Xapian::Stem* stemmer_;
    std::vector<std::string> stems_;
    std::array<bool, 256> first_bytes_{};
};

void append_text(std::string& out, std::string_view text, bool html) {
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            if (out.empty() || out.back() != ' ') out += ' ';
            continue;
        }
        if (html) {
            switch (c) {
                case '&':
                    out += "&amp;";
                    continue;
                case '<':
                    out += "&lt;";
                    continue;
                case '>':
                    out += "&gt;";
                    continue;
                case '"':
                    out += "&quot;";
                    continue;
                default:
                    break;
            }
        }
        out += c;
    }
}

}  // namespace

bool mentions(std::string_view text, const MatchedWords& matched, const Xapian::Stem* stemmer) {
    const Matcher matcher(matched, stemmer);
    bool found = false;
    for_each_word(text, [&](const Word& w) {
        if (!found && matcher.match(w.text) >= 0) found = true;
    });
    return found;
}

std::string make_snippet(std::string_view text, const MatchedWords& matched,
                         const Xapian::Stem* stemmer, std::size_t max_chars,
                         const Highlight& highlight) {
    if (max_chars == 0 || text.empty()) return {};
    const Matcher matcher(matched, stemmer);
    std::vector<Word> words;
    std::vector<Hit> hits;
    for_each_word(text, [&](const Word& w) {
        words.push_back(w);
        if (const long which = matcher.match(w.text); which >= 0) {
            hits.push_back({w.offset, w.offset + w.text.size(), static_cast<std::size_t>(which)});
        }
    });
    if (words.empty()) return {};

    // The window with most distinct matches (then most matches), found with two pointers
    // over the matches. Widths in bytes, scaled by the text's bytes per character.
    const double bytes_per_char =
        static_cast<double>(text.size()) / static_cast<double>(count_chars(text));
    const auto window =
        static_cast<std::size_t>(static_cast<double>(max_chars) * 0.75 * bytes_per_char);
    std::size_t best_start = hits.empty() ? 0 : hits.front().begin;
    std::size_t best_score = 0;
    std::vector<std::size_t> counts(matched.words.size() + matched.prefixes.size(), 0);
    std::size_t distinct = 0;
    for (std::size_t first = 0, last = 0; first < hits.size(); ++first) {
        while (last < hits.size() && hits[last].end - hits[first].begin <= window) {
            if (counts[hits[last].which]++ == 0) ++distinct;
            ++last;
        }
        const std::size_t score = distinct * 10000 + (last - first);
        if (score > best_score) {
            best_score = score;
            best_start = hits[first].begin;
        }
        if (last > first && --counts[hits[first].which] == 0) --distinct;
        if (last == first) ++last;  // a single match wider than the window
    }
    // Back up to two words before the first match.
    std::size_t first_word = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].offset >= best_start) {
            first_word = i >= 2 ? i - 2 : 0;
            break;
        }
    }
    std::size_t begin = words[first_word].offset;
    // Take whole words up to the budget.
    std::size_t end = begin;
    for (std::size_t i = first_word; i < words.size(); ++i) {
        const std::size_t word_end = words[i].offset + words[i].text.size();
        if (count_chars(text.substr(begin, word_end - begin)) > max_chars) break;
        end = word_end;
    }
    if (end == begin) end = words[first_word].offset + words[first_word].text.size();

    std::string out;
    if (first_word > 0) out += "…";
    std::size_t pos = begin;
    for (const Hit& hit : hits) {
        if (hit.begin < begin || hit.end > end) continue;
        append_text(out, text.substr(pos, hit.begin - pos), highlight.html);
        out += highlight.begin;
        append_text(out, text.substr(hit.begin, hit.end - hit.begin), highlight.html);
        out += highlight.end;
        pos = hit.end;
    }
    append_text(out, text.substr(pos, end - pos), highlight.html);
    if (end < words.back().offset + words.back().text.size()) out += "…";
    return out;
}

}  // namespace lectern::search
