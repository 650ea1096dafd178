#pragma once
// A parsed query turned into a Xapian query: stems in every language of the space,
// bounded prefix expansion, spelling correction, synonyms, filters (internal to core/search).

#include <string>
#include <vector>

#include <xapian.h>

#include "search/query_syntax.hpp"
#include "search/searcher.hpp"
#include "search/stemmers.hpp"
#include "search/synonyms.hpp"

namespace lectern::search {

/// What snippets mark: words (matched whole or by stem) and prefixes, normalized.
struct MatchedWords {
    std::vector<std::string> words;
    std::vector<std::string> prefixes;
};

/// Everything a query needs to know about the index it runs on.
struct QueryContext {
    const Xapian::Database& db;
    Stemmers& stemmers;
    std::vector<std::string> languages;  ///< of the index's documents
    const SynonymTable& synonyms;
    bool spelling = true;
    bool use_synonyms = true;
};

struct QueryPlan {
    Xapian::Query query;  ///< empty (MatchNothing) when there is nothing to search for
    std::vector<Correction> corrections;
    std::string corrected_query;
    std::vector<std::string> notes;
    MatchedWords matched;
};

/// How far the last, unfinished word may expand: its most frequent completions only, so
/// that one or two letters stay as fast as whole words.
Xapian::termcount max_prefix_expansion(std::size_t prefix_chars);

/// The Xapian query for what the agent typed plus the request's filters.
QueryPlan build_query(const SearchRequest& request, QueryContext& context);

}  // namespace lectern::search
