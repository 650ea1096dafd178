#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "quiz/gift.hpp"

namespace lectern::quiz {

namespace {

// One question's text with comments removed, and where each of its lines came from.
struct Comment {
    std::string text;  // after the "//", trimmed
    int line = 0;
    int column = 0;  // of the "//"
};

struct Block {
    std::string text;
    std::vector<Comment> comments;          // the comment lines that stood among its lines
    std::vector<std::size_t> line_offsets;  // offset in text where each line starts
    std::vector<int> line_numbers;          // that line's number in the file

    SourceLocation where(const std::string& file, std::size_t offset) const {
        auto it = std::upper_bound(line_offsets.begin(), line_offsets.end(), offset);
        const std::size_t index = it == line_offsets.begin()
                                      ? 0
                                      : static_cast<std::size_t>(it - line_offsets.begin() - 1);
        return {file, line_numbers[index], static_cast<int>(offset - line_offsets[index]) + 1};
    }
};

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

bool is_comment(std::string_view line) {
    const auto start = line.find_first_not_of(" \t");
    return start != std::string_view::npos && line.substr(start, 2) == "//";
}

std::string trim(std::string_view s);

// Questions are separated by blank lines, as Moodle reads them; comment lines are dropped.
std::vector<Block> split_blocks(std::string_view text, int first_line) {
    std::vector<Block> blocks;
    Block current;
    int line_no = first_line;
    std::size_t pos = 0;
    auto flush = [&] {
        // A block of comments alone still goes through: a pin there belongs to no question.
        if (!current.text.empty() || !current.comments.empty())
            blocks.push_back(std::move(current));
        current = Block{};
    };
    while (pos <= text.size()) {
        auto eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (is_blank(line)) {
            flush();
        } else if (is_comment(line)) {
            const auto start = line.find("//");
            current.comments.push_back(
                {trim(line.substr(start + 2)), line_no, static_cast<int>(start) + 1});
        } else {
            if (!current.text.empty()) current.text += '\n';
            current.line_offsets.push_back(current.text.size());
            current.line_numbers.push_back(line_no);
            current.text += line;
        }
        if (eol == text.size()) break;
        pos = eol + 1;
        ++line_no;
    }
    flush();
    return blocks;
}

bool escaped(std::string_view s, std::size_t i) {
    std::size_t backslashes = 0;
    while (i > backslashes && s[i - backslashes - 1] == '\\') ++backslashes;
    return backslashes % 2 == 1;
}

// The first unescaped occurrence of `what` at or after `from`.
std::size_t find_unescaped(std::string_view s, std::string_view what, std::size_t from = 0) {
    for (std::size_t i = s.find(what, from); i != std::string_view::npos; i = s.find(what, i + 1)) {
        if (!escaped(s, i)) return i;
    }
    return std::string_view::npos;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// GIFT escapes: \~ \= \# \{ \} \: \\ and \n for a line break.
std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char next = s[i + 1];
            if (std::string_view("~=#{}:\\").find(next) != std::string_view::npos) {
                out += next;
                ++i;
                continue;
            }
            if (next == 'n') {
                out += '\n';
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return trim(out);
}

// "[html]", "[markdown]", "[plain]" or "[moodle]" at the start of s, or empty.
std::string_view format_tag(std::string_view s) {
    for (std::string_view tag : {"[markdown]", "[html]", "[plain]", "[moodle]"}) {
        if (s.substr(0, tag.size()) == tag) return tag;
    }
    return {};
}

// Answers and feedback may carry a format tag of their own; they are shown in the format of
// the question text, so the tag is dropped.
std::string unescape_part(std::string_view s) {
    std::string out = unescape(s);
    if (const auto tag = format_tag(out); !tag.empty()) out = trim(out.substr(tag.size()));
    return out;
}

std::optional<double> parse_number(std::string_view s) {
    const std::string t = trim(s);
    if (t.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

class BlockParser {
  public:
    BlockParser(const Block& block, const std::string& file, Diagnostics& out)
        : b_(block), s_(block.text), file_(file), out_(out) {}

    /// The question, or nullopt when the block has errors (already reported).
    std::optional<Question> parse(const std::string& category) {
        Question q;
        q.category = category;
        q.line = b_.line_numbers.front();
        std::size_t pos = 0;
        skip_space(pos);
        if (s_.substr(pos, 2) == "::") {
            const auto end = find_unescaped(s_, "::", pos + 2);
            if (end == std::string_view::npos)
                return fail(pos, "the title is not closed: end it with '::'");
            q.title = unescape(s_.substr(pos + 2, end - pos - 2));
            pos = end + 2;
            skip_space(pos);
        }
        if (const auto tag = format_tag(s_.substr(pos)); !tag.empty()) {
            if (tag == "[markdown]") q.format = TextFormat::Markdown;
            if (tag == "[html]") q.format = TextFormat::Html;
            if (tag == "[plain]") q.format = TextFormat::Plain;
            if (tag == "[moodle]") q.format = TextFormat::Moodle;
            pos += tag.size();
        }
        const auto open = find_unescaped(s_, "{", pos);
        const auto stray_close = find_unescaped(s_, "}", pos);
        if (open == std::string_view::npos) {
            if (stray_close != std::string_view::npos)
                return fail(stray_close, "'}' without an opening '{'");
            q.kind = QuestionKind::Description;
            q.text = unescape(s_.substr(pos));
            return q;
        }
        if (stray_close != std::string_view::npos && stray_close < open) {
            return fail(stray_close, "'}' without an opening '{'");
        }
        const auto close = find_unescaped(s_, "}", open + 1);
        if (close == std::string_view::npos) {
            return fail(open,
                        "the answer block is not closed: add '}' (a blank line ends a question)");
        }
        if (const auto nested = find_unescaped(s_, "{", open + 1);
            nested != std::string_view::npos && nested < close) {
            return fail(nested, "'{' inside an answer block: write \\{ for a literal brace");
        }
        q.text = unescape(s_.substr(pos, open - pos));
        q.text_after = unescape(s_.substr(close + 1));
        if (find_unescaped(s_, "{", close + 1) != std::string_view::npos) {
            return fail(find_unescaped(s_, "{", close + 1),
                        "a question has one answer block; separate questions with a blank line");
        }
        if (!parse_answers(q, open + 1, close)) return std::nullopt;
        if (q.text.empty() && q.text_after.empty())
            return fail(open, "the question has no text before its answers");
        return q;
    }

  private:
    std::nullopt_t fail(std::size_t offset, std::string message) {
        out_.error("gift-syntax", std::move(message), b_.where(file_, offset));
        return std::nullopt;
    }

    bool reject(std::size_t offset, std::string message) {
        fail(offset, std::move(message));
        return false;
    }

    void skip_space(std::size_t& pos) const {
        while (pos < s_.size() && (s_[pos] == ' ' || s_[pos] == '\t' || s_[pos] == '\n')) ++pos;
    }

    // Splits [from, to) at the unescaped '####' of general feedback.
    std::size_t split_general_feedback(Question& q, std::size_t from, std::size_t to) const {
        const auto gf = find_unescaped(s_.substr(0, to), "####", from);
        if (gf == std::string_view::npos) return to;
        q.general_feedback = unescape_part(s_.substr(gf + 4, to - gf - 4));
        return gf;
    }

    bool parse_answers(Question& q, std::size_t from, std::size_t to) {
        to = split_general_feedback(q, from, to);
        std::size_t pos = from;
        skip_space(pos);
        const std::string body = trim(s_.substr(from, to - from));
        if (body.empty()) {
            q.kind = QuestionKind::Essay;
            return true;
        }
        if (pos < to && s_[pos] == '#') return parse_numerical(q, pos + 1, to);
        if (parse_true_false(q, pos, to)) return true;
        return parse_options(q, pos, to);
    }

    bool parse_true_false(Question& q, std::size_t pos, std::size_t to) {
        const auto hash = find_unescaped(s_.substr(0, to), "#", pos);
        const std::string word =
            trim(s_.substr(pos, (hash == std::string_view::npos ? to : hash) - pos));
        std::string upper = word;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (upper != "T" && upper != "TRUE" && upper != "F" && upper != "FALSE") return false;
        q.kind = QuestionKind::TrueFalse;
        q.truth = upper[0] == 'T';
        if (hash != std::string_view::npos) {
            const auto second = find_unescaped(s_.substr(0, to), "#", hash + 1);
            q.feedback_wrong = unescape_part(
                s_.substr(hash + 1, (second == std::string_view::npos ? to : second) - hash - 1));
            if (second != std::string_view::npos)
                q.feedback_right = unescape_part(s_.substr(second + 1, to - second - 1));
        }
        return true;
    }

    // Offsets of the unescaped '=' and '~' that start answers in [pos, to). As in Moodle, an
    // unescaped '=' or '~' always starts an answer, also inside feedback: write \= there.
    std::vector<std::size_t> answer_starts(std::size_t pos, std::size_t to) const {
        std::vector<std::size_t> starts;
        for (std::size_t i = pos; i < to; ++i) {
            if ((s_[i] == '=' || s_[i] == '~') && !escaped(s_, i)) starts.push_back(i);
        }
        return starts;
    }

    // "%50%text#feedback" → weight, text, feedback.
    bool parse_weight(std::size_t& pos, std::size_t end, double& weight) {
        if (pos >= end || s_[pos] != '%') return true;
        const auto close = s_.find('%', pos + 1);
        if (close == std::string_view::npos || close >= end)
            return reject(pos, "the weight is not closed: write it like %50%");
        const auto w = parse_number(s_.substr(pos + 1, close - pos - 1));
        if (!w || *w < -100 || *w > 100) {
            return reject(pos,
                          "the weight must be a percentage from -100 to 100, like %50% or %-25%");
        }
        weight = *w;
        pos = close + 1;
        return true;
    }

    void split_feedback(std::size_t pos, std::size_t end, std::string& text,
                        std::string& feedback) const {
        const auto hash = find_unescaped(s_.substr(0, end), "#", pos);
        if (hash == std::string_view::npos) {
            text = unescape_part(s_.substr(pos, end - pos));
        } else {
            text = unescape_part(s_.substr(pos, hash - pos));
            feedback = unescape_part(s_.substr(hash + 1, end - hash - 1));
        }
    }

    bool parse_options(Question& q, std::size_t pos, std::size_t to) {
        const auto starts = answer_starts(pos, to);
        if (starts.empty() || trim(s_.substr(pos, starts.front() - pos)).size() > 0) {
            return reject(pos,
                          "answers start with '=' (right) or '~' (wrong), or the block is T, F, "
                          "#number or empty");
        }
        bool any_wrong_marker = false;
        bool any_right_marker = false;
        for (std::size_t k = 0; k < starts.size(); ++k) {
            const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : to;
            const bool right = s_[starts[k]] == '=';
            any_wrong_marker |= !right;
            any_right_marker |= right;
            Answer a;
            a.weight = right ? 100 : 0;
            std::size_t p = starts[k] + 1;
            if (!parse_weight(p, end, a.weight)) return false;
            split_feedback(p, end, a.text, a.feedback);
            // "= -> extra" stays non-empty here: a matching distractor, whose left side is
            // empty on purpose, is split below.
            if (a.text.empty()) return reject(starts[k], "an answer is empty");
            q.answers.push_back(std::move(a));
        }
        const auto arrows = std::count_if(q.answers.begin(), q.answers.end(), [](const Answer& a) {
            return a.text.find("->") != std::string::npos;
        });
        if (!any_wrong_marker && arrows > 0) {
            if (static_cast<std::size_t>(arrows) != q.answers.size()) {
                return reject(
                    starts.front(),
                    "in a matching question every answer is a pair like '=cat -> animal'");
            }
            q.kind = QuestionKind::Matching;
            std::size_t pairs = 0;
            for (auto& a : q.answers) {
                const auto arrow = a.text.find("->");
                a.match = trim(a.text.substr(arrow + 2));
                a.text = trim(a.text.substr(0, arrow));
                if (a.match.empty())
                    return reject(starts.front(), "a matching pair has nothing after '->'");
                if (!a.text.empty()) ++pairs;
            }
            if (pairs < 2)
                return reject(starts.front(), "a matching question needs at least two pairs");
            return true;
        }
        if (!any_wrong_marker) {
            q.kind = QuestionKind::ShortAnswer;
            return true;
        }
        q.kind = QuestionKind::MultipleChoice;
        q.multiple_answers = !any_right_marker;
        const bool any_right = std::any_of(q.answers.begin(), q.answers.end(),
                                           [](const Answer& a) { return a.weight > 0; });
        if (!any_right) {
            return reject(starts.front(),
                          "no answer is right: mark one with '=' or give weights like ~%50%");
        }
        return true;
    }

    bool parse_numerical(Question& q, std::size_t pos, std::size_t to) {
        q.kind = QuestionKind::Numerical;
        auto starts = answer_starts(pos, to);
        std::erase_if(starts, [&](std::size_t i) { return s_[i] == '~'; });
        if (starts.empty()) starts.push_back(pos - 1);  // one answer without '='
        for (std::size_t k = 0; k < starts.size(); ++k) {
            const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : to;
            Answer a;
            a.weight = 100;
            std::size_t p = starts[k] + 1;
            skip_space(p);
            if (!parse_weight(p, end, a.weight)) return false;
            std::string spec;
            split_feedback(p, end, spec, a.feedback);
            if (const auto dots = spec.find(".."); dots != std::string::npos) {
                a.range_min = parse_number(spec.substr(0, dots));
                a.range_max = parse_number(spec.substr(dots + 2));
                if (!a.range_min || !a.range_max || *a.range_min > *a.range_max) {
                    return reject(p, "a numerical range is written min..max, like 1..5");
                }
            } else {
                const auto colon = spec.find(':');
                const auto value = parse_number(spec.substr(0, colon));
                const auto tolerance = colon == std::string::npos
                                           ? std::optional<double>(0)
                                           : parse_number(spec.substr(colon + 1));
                if (!value || !tolerance || *tolerance < 0) {
                    return reject(
                        p,
                        "a numerical answer is a number, number:tolerance or min..max, like 15:2");
                }
                a.value = *value;
                a.tolerance = *tolerance;
            }
            a.text = spec;
            q.answers.push_back(std::move(a));
        }
        return true;
    }

    const Block& b_;
    std::string_view s_;
    const std::string& file_;
    Diagnostics& out_;
};

}  // namespace

std::string_view to_string(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::MultipleChoice:
            return "multiple-choice";
        case QuestionKind::TrueFalse:
            return "true-false";
        case QuestionKind::ShortAnswer:
            return "short-answer";
        case QuestionKind::Matching:
            return "matching";
        case QuestionKind::Numerical:
            return "numerical";
        case QuestionKind::Essay:
            return "essay";
        case QuestionKind::Description:
            return "description";
    }
    return "description";
}

std::size_t GiftBank::gradable_count() const {
    return static_cast<std::size_t>(
        std::count_if(questions.begin(), questions.end(),
                      [](const Question& q) { return q.kind != QuestionKind::Description; }));
}

namespace {

// Moodle's `[id:X]` and `[tag:Y]` comments, and Lectern's `section:` pin, for the question of
// the block they stand in.
void apply_comments(const Block& block, const std::string& file, Question* q, Diagnostics& out) {
    for (const Comment& c : block.comments) {
        const SourceLocation where{file, c.line, c.column};
        if (c.text.rfind("section:", 0) == 0) {
            if (!q) {
                out.warning("quiz-pin-without-question",
                            "this section pin is followed by no question in the same block: put "
                            "it on the line just above the question",
                            where);
                continue;
            }
            const std::string rest = trim(std::string_view(c.text).substr(8));
            const auto space = rest.find_first_of(" \t");
            const std::string target = rest.substr(0, space);
            const std::string tail = space == std::string::npos ? "" : trim(rest.substr(space));
            const auto hash = target.find('#');
            SectionPin pin;
            pin.where = where;
            if (hash != std::string::npos) {
                pin.document = target.substr(0, hash);
                pin.anchor = target.substr(hash + 1);
            }
            bool ok = !pin.document.empty() && !pin.anchor.empty();
            if (ok && !tail.empty()) {
                ok = tail.rfind("reviewed:", 0) == 0;
                if (ok) pin.reviewed = trim(std::string_view(tail).substr(9));
                ok = ok && !pin.reviewed.empty() &&
                     pin.reviewed.find_first_not_of("0123456789abcdef") == std::string::npos;
            }
            if (!ok) {
                out.error("quiz-pin-syntax",
                          "a section pin is written '// section: procedure-id#section-anchor "
                          "reviewed: HASH' (lint tells the hash)",
                          where);
                continue;
            }
            if (q->pin) {
                out.error("quiz-pin-syntax", "a question has one section pin", where);
                continue;
            }
            q->pin = std::move(pin);
            continue;
        }
        if (!q) continue;
        // "[id:Q-17] [tag:gdpr] [tag:paper]": several may share a line.
        for (std::size_t at = c.text.find('['); at != std::string::npos;
             at = c.text.find('[', at + 1)) {
            const auto close = c.text.find(']', at);
            if (close == std::string::npos) break;
            const std::string_view item = std::string_view(c.text).substr(at + 1, close - at - 1);
            if (item.substr(0, 3) == "id:") q->idnumber = trim(item.substr(3));
            if (item.substr(0, 4) == "tag:") q->tags.push_back(trim(item.substr(4)));
        }
    }
}

}  // namespace

std::string Question::key() const {
    if (!idnumber.empty()) return idnumber;
    if (!title.empty()) return title;
    return text.substr(0, 60);
}

GiftBank parse_gift(std::string_view text, const std::string& file, int first_line,
                    Diagnostics& out) {
    GiftBank bank;
    std::string category;
    for (Block& block : split_blocks(text, first_line)) {
        if (block.text.empty()) {
            apply_comments(block, file, nullptr, out);
            continue;
        }
        const auto start = block.text.find_first_not_of(" \t");
        if (block.text.compare(start, 10, "$CATEGORY:") == 0) {
            // The category is its line; Moodle wants a blank line after it, but a question
            // that follows at once is read too rather than swallowed into the name.
            const auto eol = block.text.find('\n');
            category = trim(std::string_view(block.text).substr(start + 10, eol - start - 10));
            if (eol == std::string::npos) {
                apply_comments(block, file, nullptr, out);
                continue;
            }
            Block rest;
            rest.text = block.text.substr(eol + 1);
            rest.comments = std::move(block.comments);
            for (std::size_t i = 1; i < block.line_offsets.size(); ++i) {
                rest.line_offsets.push_back(block.line_offsets[i] - eol - 1);
                rest.line_numbers.push_back(block.line_numbers[i]);
            }
            block = std::move(rest);
        }
        auto q = BlockParser(block, file, out).parse(category);
        apply_comments(block, file, q ? &*q : nullptr, out);
        if (q) bank.questions.push_back(std::move(*q));
    }
    return bank;
}

}  // namespace lectern::quiz
