#include "search/query_syntax.hpp"

#include <array>

#include "search/words.hpp"

namespace lectern::search {

namespace {

struct Token {
    enum class Kind { Words, Open, Close, And, Or, Not, Minus, Plus };
    Kind kind = Kind::Words;
    QueryNode node;  // Words: a Word or a Phrase
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The words of `text` (at `base` in the query) as one Word or Phrase node, or nullopt.
std::optional<QueryNode> words_node(std::string_view text, std::size_t base) {
    QueryNode node;
    for_each_word(text, [&](const Word& w) {
        const std::string lower = lower_word(w.text);
        node.words.push_back(normalize_word(lower));
        node.typed.push_back(lower);
        if (node.words.size() == 1) node.offset = base + w.offset;
        node.length = base + w.offset + w.text.size() - node.offset;
    });
    if (node.words.empty()) return std::nullopt;
    // "home-office" is a phrase as much as "home office" in quotes.
    node.kind = node.words.size() > 1 ? QueryNode::Kind::Phrase : QueryNode::Kind::Word;
    return node;
}

class Lexer {
  public:
    Lexer(std::string_view text, ParsedQuery& out) : text_(text), out_(out) {}

    std::vector<Token> run() {
        std::size_t i = 0;
        while (i < text_.size()) {
            const char c = text_[i];
            if (is_space(c)) {
                ++i;
            } else if (c == '"') {
                i = phrase(i + 1);
            } else if (c == '(' || c == ')') {
                tokens_.push_back({c == '(' ? Token::Kind::Open : Token::Kind::Close, {}});
                ++i;
            } else if ((c == '-' || c == '+') && i + 1 < text_.size() && !is_space(text_[i + 1]) &&
                       (i == 0 || is_space(text_[i - 1]) || text_[i - 1] == '(')) {
                tokens_.push_back({c == '-' ? Token::Kind::Minus : Token::Kind::Plus, {}});
                ++i;
            } else {
                i = chunk(i);
            }
        }
        mark_partial();
        return std::move(tokens_);
    }

  private:
    std::size_t phrase(std::size_t start) {
        const std::size_t close = text_.find('"', start);
        const std::size_t end = close == std::string_view::npos ? text_.size() : close;
        if (close == std::string_view::npos)
            out_.notes.push_back("missing closing quote: read to the end as a phrase");
        if (auto node = words_node(text_.substr(start, end - start), start)) {
            tokens_.push_back({Token::Kind::Words, std::move(*node)});
        }
        return close == std::string_view::npos ? end : close + 1;
    }

    std::size_t chunk(std::size_t start) {
        std::size_t end = start;
        while (end < text_.size() && !is_space(text_[end]) && text_[end] != '"' &&
               text_[end] != '(' && text_[end] != ')') {
            ++end;
        }
        const std::string_view word = text_.substr(start, end - start);
        if (word == "AND" || word == "&&") {
            tokens_.push_back({Token::Kind::And, {}});
        } else if (word == "OR" || word == "||") {
            tokens_.push_back({Token::Kind::Or, {}});
        } else if (word == "NOT") {
            tokens_.push_back({Token::Kind::Not, {}});
        } else if (const auto colon = word.find(':');
                   colon != std::string_view::npos && colon + 1 < word.size() &&
                   is_filter_field(lower_word(word.substr(0, colon)))) {
            out_.filters.push_back(
                {lower_word(word.substr(0, colon)), lower_word(word.substr(colon + 1))});
        } else if (auto node = words_node(word, start)) {
            tokens_.push_back({Token::Kind::Words, std::move(*node)});
        }
        return end;
    }

    // Search as you type: the last word is a prefix unless the agent has moved past it.
    void mark_partial() {
        if (tokens_.empty() || tokens_.back().kind != Token::Kind::Words) return;
        if (text_.empty() || is_space(text_.back()) || text_.back() == '"' || text_.back() == ')')
            return;
        QueryNode& last = tokens_.back().node;
        if (last.kind != QueryNode::Kind::Word) return;
        const auto end = last.offset + last.length;
        if (end == text_.size()) last.partial = true;
    }

    std::string_view text_;
    ParsedQuery& out_;
    std::vector<Token> tokens_;
};

// or := and (OR? and)* ; and := unary (AND NOT? unary)* ; unary := (NOT|-|+) unary | atom ;
// atom := ( or ) | words.
class Parser {
  public:
    Parser(std::vector<Token> tokens, ParsedQuery& out) : tokens_(std::move(tokens)), out_(out) {}

    std::optional<QueryNode> run() {
        auto node = or_expr();
        while (pos_ < tokens_.size()) {
            // Only a stray ')' stops or_expr early.
            note("a ')' without its '(' was left out");
            ++pos_;
            if (auto more = or_expr())
                node = node ? combine(std::move(*node), std::move(*more)) : std::move(more);
        }
        return node;
    }

  private:
    static QueryNode combine(QueryNode a, QueryNode b) {
        QueryNode n;
        n.kind = QueryNode::Kind::Or;
        n.children.push_back(std::move(a));
        n.children.push_back(std::move(b));
        return n;
    }

    bool at(Token::Kind k) const { return pos_ < tokens_.size() && tokens_[pos_].kind == k; }

    void note(std::string text) {
        for (const auto& n : out_.notes) {
            if (n == text) return;
        }
        out_.notes.push_back(std::move(text));
    }

    std::optional<QueryNode> or_expr() {
        QueryNode n;
        n.kind = QueryNode::Kind::Or;
        while (pos_ < tokens_.size() && !at(Token::Kind::Close)) {
            if (at(Token::Kind::Or) || at(Token::Kind::And)) {
                note(at(Token::Kind::Or) ? "'OR' needs words on both sides: left out"
                                         : "'AND' needs words on both sides: left out");
                ++pos_;
                continue;
            }
            if (auto child = and_expr()) n.children.push_back(std::move(*child));
            if (at(Token::Kind::Or)) ++pos_;
        }
        if (n.children.empty()) return std::nullopt;
        if (n.children.size() == 1) return std::move(n.children.front());
        return n;
    }

    std::optional<QueryNode> and_expr() {
        auto first = unary();
        if (!at(Token::Kind::And)) return first;
        QueryNode n;
        n.kind = QueryNode::Kind::And;
        if (first) n.children.push_back(std::move(*first));
        while (at(Token::Kind::And)) {
            ++pos_;
            auto next = unary();
            if (!next) {
                note("'AND' needs words on both sides: left out");
                break;
            }
            n.children.push_back(std::move(*next));
        }
        if (n.children.empty()) return std::nullopt;
        if (n.children.size() == 1) return std::move(n.children.front());
        return n;
    }

    std::optional<QueryNode> unary() {
        if (at(Token::Kind::Not) || at(Token::Kind::Minus)) {
            ++pos_;
            auto child = unary();
            if (!child) {
                note("'NOT' needs a word after it: left out");
                return std::nullopt;
            }
            QueryNode n;
            n.kind = QueryNode::Kind::Not;
            n.children.push_back(std::move(*child));
            return n;
        }
        if (at(Token::Kind::Plus)) {
            ++pos_;
            auto child = unary();
            if (child) child->required = true;
            return child;
        }
        return atom();
    }

    std::optional<QueryNode> atom() {
        if (pos_ >= tokens_.size()) return std::nullopt;
        if (at(Token::Kind::Open)) {
            ++pos_;
            auto inner = or_expr();
            if (at(Token::Kind::Close)) {
                ++pos_;
            } else {
                note("missing ')': closed at the end");
            }
            return inner;
        }
        if (at(Token::Kind::Words)) return std::move(tokens_[pos_++].node);
        return std::nullopt;  // an operator where a word should be: the caller notes it
    }

    std::vector<Token> tokens_;
    ParsedQuery& out_;
    std::size_t pos_ = 0;
};

}  // namespace

bool is_filter_field(std::string_view field) {
    static constexpr std::array<std::string_view, 4> kFields = {"type", "tag", "lang", "id"};
    for (auto f : kFields) {
        if (f == field) return true;
    }
    return false;
}

ParsedQuery parse_query(std::string_view text) {
    ParsedQuery out;
    auto tokens = Lexer(text, out).run();
    out.root = Parser(std::move(tokens), out).run();
    return out;
}

}  // namespace lectern::search
