#pragma once
// What an agent typed, read as words, phrases, operators and filters (internal to
// core/search). Reading never fails: what cannot be understood is read as plainly as
// possible and a note says how.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::search {

struct QueryNode {
    enum class Kind {
        Word,    ///< one word
        Phrase,  ///< words in this order ("reset the router", home-office)
        Or,      ///< any of the children; words side by side are Or
        And,     ///< all of the children (AND, or + before a word)
        Not,     ///< none of its one child (NOT, or - before a word)
    };
    Kind kind = Kind::Word;
    std::vector<std::string> words;  ///< Word, Phrase: normalized
    std::vector<std::string> typed;  ///< Word, Phrase: lowercase as typed, diacritics kept
    std::size_t offset = 0;          ///< Word: where it starts in the query text
    std::size_t length = 0;          ///< Word: its length in bytes there
    bool partial = false;            ///< Word: the last word, maybe not finished yet
    bool required = false;           ///< written with a leading +
    std::vector<QueryNode> children;
};

/// A `field:value` term: type:script, tag:refund, lang:pl, id:vpn-security.
struct QueryFilter {
    std::string field;
    std::string value;
};

struct ParsedQuery {
    std::optional<QueryNode> root;  ///< nullopt when the query has only filters, or nothing
    std::vector<QueryFilter> filters;
    std::vector<std::string> notes;  ///< how something odd was read ("missing closing quote")
};

/// The fields filters may name.
bool is_filter_field(std::string_view field);

/// Reads a query. The last word is partial (a prefix) unless the text ends with a space or
/// a closing quote: search as you type.
ParsedQuery parse_query(std::string_view text);

}  // namespace lectern::search
