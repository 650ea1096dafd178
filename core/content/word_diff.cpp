#include "content/word_diff.hpp"

#include <algorithm>
#include <unordered_map>

#include "common/text.hpp"

namespace lectern::content {

namespace {

enum class TokenKind { Word, Space, Mark };

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

// Punctuation and symbols: ASCII ones, Latin-1's (« » ¿ ¡ § ×…), general punctuation
// (dashes, quotes, …) and CJK punctuation. Every other code point above ASCII is a letter
// for our purpose: words of every script stay whole.
bool is_mark(char32_t c) {
    if (c < 0x80)
        return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 c == '_');
    return (c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 ||
           c == 0xF7 || (c >= 0x2010 && c <= 0x205E) || (c >= 0x3001 && c <= 0x303F) || c == 0xFFFD;
}

TokenKind kind_of(char32_t c) {
    if (is_space(c)) return TokenKind::Space;
    if (is_mark(c)) return TokenKind::Mark;
    return TokenKind::Word;
}

struct Token {
    std::string_view text;
    TokenKind kind;
};

// Words and runs of spaces are one token each; every mark is a token of its own.
std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        const TokenKind kind = kind_of(decode_utf8(text, i));
        if (kind != TokenKind::Mark) {
            while (i < text.size()) {
                std::size_t next = i;
                if (kind_of(decode_utf8(text, next)) != kind) break;
                i = next;
            }
        }
        tokens.push_back({text.substr(start, i - start), kind});
    }
    return tokens;
}

// Myers' O(ND) difference with the linear-space "middle snake" bisection, on token ids.
// A sub-problem that needs more than a budget of edits is reported as replaced whole.
class Differ {
  public:
    Differ(const std::vector<int>& a, const std::vector<int>& b, std::size_t max_edits)
        : a_(a), b_(b), max_half_d_(static_cast<long>(max_edits / 2 + 1)) {}

    struct Edit {
        DiffOp op;
        std::size_t begin;  // token index in a (Equal, Delete) or b (Insert)
        std::size_t end;
    };

    std::vector<Edit> run() {
        compare(0, a_.size(), 0, b_.size());
        return std::move(edits_);
    }

  private:
    void emit(DiffOp op, std::size_t begin, std::size_t end) {
        if (begin == end) return;
        if (!edits_.empty() && edits_.back().op == op && edits_.back().end == begin) {
            edits_.back().end = end;
            return;
        }
        edits_.push_back({op, begin, end});
    }

    void compare(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) {
        const std::size_t prefix_start = a0;
        while (a0 < a1 && b0 < b1 && a_[a0] == b_[b0]) ++a0, ++b0;
        emit(DiffOp::Equal, prefix_start, a0);
        std::size_t suffix = 0;
        while (a1 - suffix > a0 && b1 - suffix > b0 && a_[a1 - suffix - 1] == b_[b1 - suffix - 1])
            ++suffix;
        a1 -= suffix;
        b1 -= suffix;
        if (a0 == a1) {
            emit(DiffOp::Insert, b0, b1);
        } else if (b0 == b1) {
            emit(DiffOp::Delete, a0, a1);
        } else {
            bisect(a0, a1, b0, b1);
        }
        emit(DiffOp::Equal, a1, a1 + suffix);
    }

    // Finds where a shortest edit path crosses the middle and diffs both halves; when no
    // such point is found within the budget, the two ranges are replaced whole.
    void bisect(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) {
        const long n = static_cast<long>(a1 - a0);
        const long m = static_cast<long>(b1 - b0);
        const long max_d = std::min((n + m + 1) / 2, max_half_d_);
        const long offset = max_d;
        const std::size_t length = static_cast<std::size_t>(2 * max_d + 2);
        std::vector<long> forward(length, -1);
        std::vector<long> backward(length, -1);
        forward[static_cast<std::size_t>(offset + 1)] = 0;
        backward[static_cast<std::size_t>(offset + 1)] = 0;
        const long delta = n - m;
        const bool front = (delta % 2) != 0;
        long k1start = 0, k1end = 0, k2start = 0, k2end = 0;
        const auto at = [&](std::vector<long>& v, long index) -> long& {
            return v[static_cast<std::size_t>(index)];
        };
        const auto a = [&](long x) { return a_[a0 + static_cast<std::size_t>(x)]; };
        const auto b = [&](long y) { return b_[b0 + static_cast<std::size_t>(y)]; };
        for (long d = 0; d < max_d; ++d) {
            for (long k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                const long k1_offset = offset + k1;
                long x1 = (k1 == -d ||
                           (k1 != d && at(forward, k1_offset - 1) < at(forward, k1_offset + 1)))
                              ? at(forward, k1_offset + 1)
                              : at(forward, k1_offset - 1) + 1;
                long y1 = x1 - k1;
                while (x1 < n && y1 < m && a(x1) == b(y1)) ++x1, ++y1;
                at(forward, k1_offset) = x1;
                if (x1 > n) {
                    k1end += 2;
                } else if (y1 > m) {
                    k1start += 2;
                } else if (front) {
                    const long k2_offset = offset + delta - k1;
                    if (k2_offset >= 0 && k2_offset < static_cast<long>(length) &&
                        at(backward, k2_offset) != -1 && x1 >= n - at(backward, k2_offset)) {
                        split(a0, a1, b0, b1, x1, y1);
                        return;
                    }
                }
            }
            for (long k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                const long k2_offset = offset + k2;
                long x2 = (k2 == -d ||
                           (k2 != d && at(backward, k2_offset - 1) < at(backward, k2_offset + 1)))
                              ? at(backward, k2_offset + 1)
                              : at(backward, k2_offset - 1) + 1;
                long y2 = x2 - k2;
                while (x2 < n && y2 < m && a(n - x2 - 1) == b(m - y2 - 1)) ++x2, ++y2;
                at(backward, k2_offset) = x2;
                if (x2 > n) {
                    k2end += 2;
                } else if (y2 > m) {
                    k2start += 2;
                } else if (!front) {
                    const long k1_offset = offset + delta - k2;
                    if (k1_offset >= 0 && k1_offset < static_cast<long>(length) &&
                        at(forward, k1_offset) != -1) {
                        const long x1 = at(forward, k1_offset);
                        const long y1 = offset + x1 - k1_offset;
                        if (x1 >= n - x2) {
                            split(a0, a1, b0, b1, x1, y1);
                            return;
                        }
                    }
                }
            }
        }
        emit(DiffOp::Delete, a0, a1);
        emit(DiffOp::Insert, b0, b1);
    }

    void split(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1, long x, long y) {
        const std::size_t am = a0 + static_cast<std::size_t>(x);
        const std::size_t bm = b0 + static_cast<std::size_t>(y);
        compare(a0, am, b0, bm);
        compare(am, a1, bm, b1);
    }

    const std::vector<int>& a_;
    const std::vector<int>& b_;
    long max_half_d_;
    std::vector<Edit> edits_;
};

std::string join(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) out += tokens[i].text;
    return out;
}

bool all_space(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
        if (tokens[i].kind != TokenKind::Space) return false;
    return true;
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Length of the ASCII spaces both texts start with (ASCII only, so a cut never splits a
// UTF-8 sequence).
std::size_t common_space_prefix(const std::string& a, const std::string& b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n] && is_ascii_space(a[n])) ++n;
    return n;
}

std::size_t common_space_suffix(const std::string& a, const std::string& b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n] &&
           is_ascii_space(a[a.size() - 1 - n]))
        ++n;
    return n;
}

}  // namespace

std::vector<DiffRun> word_diff(std::string_view before, std::string_view after,
                               const WordDiffOptions& options) {
    const std::vector<Token> old_tokens = tokenize(before);
    const std::vector<Token> new_tokens = tokenize(after);
    std::unordered_map<std::string_view, int> ids;
    const auto id_of = [&](std::string_view t) {
        return ids.try_emplace(t, static_cast<int>(ids.size())).first->second;
    };
    std::vector<int> a, b;
    a.reserve(old_tokens.size());
    b.reserve(new_tokens.size());
    for (const auto& t : old_tokens) a.push_back(id_of(t.text));
    for (const auto& t : new_tokens) b.push_back(id_of(t.text));

    const auto edits = Differ(a, b, options.max_edits).run();

    // Groups of changes between Equal runs become one Delete and one Insert; an Equal run of
    // spaces alone between two changes belongs to the group (to both sides of it).
    std::vector<DiffRun> runs;
    std::string deleted, inserted;
    const auto append_equal = [&](std::string text) {
        if (text.empty()) return;
        if (!runs.empty() && runs.back().op == DiffOp::Equal) {
            runs.back().text += text;
        } else {
            runs.push_back({DiffOp::Equal, std::move(text)});
        }
    };
    const auto flush = [&] {
        // Spaces both sides of a change begin or end with are not part of it:
        // "[-Call -]{+Always call +}the" reads better as "[-Call-]{+Always call+} the".
        const std::size_t lead = common_space_prefix(deleted, inserted);
        append_equal(deleted.substr(0, lead));
        deleted.erase(0, lead);
        inserted.erase(0, lead);
        const std::size_t trail = common_space_suffix(deleted, inserted);
        std::string trailing = deleted.substr(deleted.size() - trail);
        deleted.resize(deleted.size() - trail);
        inserted.resize(inserted.size() - trail);
        if (!deleted.empty()) runs.push_back({DiffOp::Delete, std::move(deleted)});
        if (!inserted.empty()) runs.push_back({DiffOp::Insert, std::move(inserted)});
        append_equal(std::move(trailing));
        deleted.clear();
        inserted.clear();
    };
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const auto& e = edits[i];
        if (e.op == DiffOp::Delete) {
            deleted += join(old_tokens, e.begin, e.end);
        } else if (e.op == DiffOp::Insert) {
            inserted += join(new_tokens, e.begin, e.end);
        } else {
            const bool between_changes = i > 0 && i + 1 < edits.size();
            if (between_changes && all_space(old_tokens, e.begin, e.end)) {
                const std::string spaces = join(old_tokens, e.begin, e.end);
                deleted += spaces;
                inserted += spaces;
                continue;
            }
            flush();
            append_equal(join(old_tokens, e.begin, e.end));
        }
    }
    flush();
    return runs;
}

WordDiffStats word_diff_stats(const std::vector<DiffRun>& runs) {
    WordDiffStats stats;
    for (const auto& run : runs) {
        if (run.op == DiffOp::Equal) continue;
        std::size_t words = 0;
        for (const auto& t : tokenize(run.text))
            if (t.kind == TokenKind::Word) ++words;
        (run.op == DiffOp::Insert ? stats.inserted_words : stats.deleted_words) += words;
    }
    return stats;
}

std::string word_diff_marked_text(const std::vector<DiffRun>& runs) {
    std::string out;
    for (const auto& run : runs) {
        switch (run.op) {
            case DiffOp::Equal:
                out += run.text;
                break;
            case DiffOp::Delete:
                out += "[-" + run.text + "-]";
                break;
            case DiffOp::Insert:
                out += "{+" + run.text + "+}";
                break;
        }
    }
    return out;
}

}  // namespace lectern::content
