#include "search/query_builder.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "search/stopwords.hpp"
#include "search/terms.hpp"
#include "search/words.hpp"

namespace lectern::search {

namespace {

// How much more a word in the title counts than one in the body.
constexpr double kTitleWeight = 2.0;
// How much a synonym counts next to the words typed: it widens the search, but what the
// agent typed is the better evidence ("no power" is the triage script before "power cut").
constexpr double kSynonymWeight = 0.6;

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void add_unique(std::vector<std::string>& to, std::string value) {
    if (!value.empty() && std::find(to.begin(), to.end(), value) == to.end())
        to.push_back(std::move(value));
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end());
}

Xapian::Query terms_query(Xapian::Query::op op, const std::vector<std::string>& terms) {
    if (terms.size() == 1) return Xapian::Query(terms.front());
    return Xapian::Query(op, terms.begin(), terms.end());
}

class Builder {
  public:
    Builder(QueryContext& ctx, QueryPlan& plan, const std::string& text)
        : ctx_(ctx), plan_(plan), text_(text) {
        for (const auto& lang : ctx_.languages) {
            if (const Xapian::Stem* s = ctx_.stemmers.find(lang)) {
                const std::string name = s->get_description();
                if (std::none_of(stemmers_.begin(), stemmers_.end(), [&](const Xapian::Stem* o) {
                        return o->get_description() == name;
                    })) {
                    stemmers_.push_back(s);
                }
            }
        }
    }

    Xapian::Query node(QueryNode& n) {
        switch (n.kind) {
            case QueryNode::Kind::Word:
                return word(n);
            case QueryNode::Kind::Phrase:
                return phrase_with_synonyms(n.words);
            case QueryNode::Kind::Or:
                return any_of(n.children);
            case QueryNode::Kind::And:
                return all_of(n.children);
            case QueryNode::Kind::Not:
                return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                                     positive(n.children.front()));
        }
        return Xapian::Query();
    }

    // Spelling first, so that synonyms and snippets see the corrected word.
    void correct(QueryNode& n) {
        if (n.kind == QueryNode::Kind::Word && ctx_.spelling) {
            correct_word(n);
        } else {
            for (auto& child : n.children) correct(child);
        }
    }

    std::vector<Correction> corrections;

  private:
    // Stemmed forms in every language of the space: the query's language is not known,
    // and a stem no document has costs next to nothing.
    std::vector<std::string> stems(const std::string& word, const std::string& typed) const {
        std::vector<std::string> out;
        if (is_number(word)) return out;
        for (const Xapian::Stem* s : stemmers_) {
            add_unique(out, normalize_word((*s)(typed)));
            if (typed != word) add_unique(out, normalize_word((*s)(word)));
        }
        return out;
    }

    bool known(const std::string& word, const std::string& typed) const {
        if (ctx_.db.term_exists(word)) return true;
        for (const auto& s : stems(word, typed)) {
            if (ctx_.db.term_exists(std::string(terms::kStem) + s) || ctx_.db.term_exists(s))
                return true;
        }
        return false;
    }

    bool has_completion(const std::string& prefix) const {
        auto it = ctx_.db.allterms_begin(prefix);
        return it != ctx_.db.allterms_end(prefix);
    }

    void correct_word(QueryNode& n) {
        const std::string& word = n.words.front();
        if (code_points(word) < 4 || is_number(word)) return;  // too short to guess what was meant
        if (n.partial ? has_completion(word) : known(word, n.typed.front())) return;
        const unsigned max_edits = code_points(word) < 6 ? 1 : 2;
        std::string suggestion = ctx_.db.get_spelling_suggestion(word, max_edits);
        if (suggestion.empty() || suggestion == word) return;
        corrections.push_back({std::string(text_.substr(n.offset, n.length)), suggestion});
        n.words.front() = suggestion;
        n.typed.front() = suggestion;
        // A word that had no completion was finished, only misspelled.
        n.partial = false;
    }

    Xapian::Query exact_word(const std::string& word, const std::string& typed) {
        add_unique(plan_.matched.words, word);
        std::vector<std::string> body{word};
        std::vector<std::string> title{std::string(terms::kTitle) + word};
        for (const auto& s : stems(word, typed)) {
            body.push_back(std::string(terms::kStem) + s);
            title.push_back(std::string(terms::kTitleStem) + s);
            // A word that is its own stem has no stem term (document_terms.cpp): the stem
            // as a word stands for it, even when it is the word itself, so that a document
            // counts its words as before (the word, and again under the stem).
            body.push_back(s);
            title.push_back(std::string(terms::kTitle) + s);
        }
        return Xapian::Query(
            Xapian::Query::OP_OR, terms_query(Xapian::Query::OP_SYNONYM, body),
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                          terms_query(Xapian::Query::OP_SYNONYM, title), kTitleWeight));
    }

    Xapian::Query prefix(const std::string& word, const std::string& typed) {
        add_unique(plan_.matched.prefixes, word);
        const std::size_t chars = code_points(word);
        const Xapian::termcount limit = max_prefix_expansion(chars);
        const Xapian::Query title(Xapian::Query::OP_WILDCARD, std::string(terms::kTitle) + word,
                                  limit, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        // One letter is the start of a title the agent has in mind: in the body it would
        // match nearly every document through its commonest words ("a", "and", "account")
        // and cost more than the rest of the search. Titles are short, so this stays fast.
        if (chars <= 1) return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, title, kTitleWeight);
        std::vector<Xapian::Query> body{Xapian::Query(Xapian::Query::OP_WILDCARD, word, limit,
                                                      Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT)};
        // The word as typed so far may already be whole: match its stems too ("refunds").
        if (chars >= 3) {
            for (const auto& s : stems(word, typed)) {
                body.emplace_back(std::string(terms::kStem) + s);
                body.emplace_back(s);  // as in exact_word()
            }
        }
        return Xapian::Query(Xapian::Query::OP_OR, combine(Xapian::Query::OP_SYNONYM, body),
                             Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, title, kTitleWeight));
    }

    Xapian::Query phrase(const std::vector<std::string>& words) {
        for (const auto& w : words) add_unique(plan_.matched.words, w);
        std::vector<std::string> title;
        for (const auto& w : words) title.push_back(std::string(terms::kTitle) + w);
        return Xapian::Query(
            Xapian::Query::OP_OR,
            Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()),
            Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(Xapian::Query::OP_PHRASE, title.begin(), title.end()),
                          kTitleWeight));
    }

    // One entry of a synonym group: a word or a phrase.
    Xapian::Query entry(const std::vector<std::string>& words) {
        return words.size() == 1 ? exact_word(words.front(), words.front()) : phrase(words);
    }

    std::vector<std::vector<std::string>> alternatives(
        const std::vector<std::string>& words) const {
        if (!ctx_.use_synonyms || ctx_.synonyms.empty()) return {};
        return ctx_.synonyms.alternatives(words);
    }

    Xapian::Query with_alternatives(Xapian::Query q, const std::vector<std::string>& words) {
        const auto alts = alternatives(words);
        if (alts.empty()) return q;
        std::vector<Xapian::Query> parts{std::move(q)};
        for (const auto& alt : alts) {
            parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, entry(alt), kSynonymWeight);
        }
        return combine(Xapian::Query::OP_OR, parts);
    }

    Xapian::Query word(const QueryNode& n) {
        const std::string& w = n.words.front();
        const std::string& typed = n.typed.front();
        Xapian::Query q = n.partial ? prefix(w, typed) : exact_word(w, typed);
        return with_alternatives(std::move(q), {w});
    }

    Xapian::Query phrase_with_synonyms(const std::vector<std::string>& words) {
        return with_alternatives(phrase(words), words);
    }

    // Words side by side: synonyms may be phrases ("money back"), so look for the longest
    // run of plain words that is an entry before taking words one by one.
    // Stopwords count only in a query of nothing else ("swearing at me" is "swearing"), but
    // they may be part of a synonym phrase ("strømmen er borte").
    std::vector<Xapian::Query> sequence(std::vector<QueryNode*>& plain, bool keep_stopwords) {
        std::vector<Xapian::Query> out;
        const std::size_t longest = ctx_.use_synonyms ? ctx_.synonyms.longest_entry() : 0;
        for (std::size_t i = 0; i < plain.size();) {
            std::size_t taken = 0;
            for (std::size_t n = std::min(longest, plain.size() - i); n >= 2; --n) {
                std::vector<std::string> words;
                for (std::size_t k = i; k < i + n; ++k) words.push_back(plain[k]->words.front());
                if (alternatives(words).empty()) continue;
                // The phrase with its synonyms, and its words one by one as well: a
                // document may use them apart ("the internet is down").
                std::vector<Xapian::Query> parts{phrase_with_synonyms(words)};
                for (std::size_t k = i; k < i + n; ++k) {
                    if (!is_stopword(plain[k]->words.front())) parts.push_back(word(*plain[k]));
                }
                out.push_back(combine(Xapian::Query::OP_OR, parts));
                taken = n;
                break;
            }
            if (taken == 0) {
                const QueryNode& w = *plain[i];
                if (keep_stopwords || w.partial || !is_stopword(w.words.front()))
                    out.push_back(word(w));
                taken = 1;
            }
            i += taken;
        }
        return out;
    }

    Xapian::Query positive(QueryNode& n) { return node(n); }

    Xapian::Query any_of(std::vector<QueryNode>& children) {
        std::vector<Xapian::Query> should, must, must_not;
        std::vector<QueryNode*> plain;
        const bool only_stopwords =
            std::all_of(children.begin(), children.end(), [](const QueryNode& c) {
                return c.kind == QueryNode::Kind::Word && !c.partial &&
                       is_stopword(c.words.front());
            });
        auto flush = [&] {
            for (auto& q : sequence(plain, only_stopwords)) should.push_back(std::move(q));
            plain.clear();
        };
        for (auto& c : children) {
            if (c.kind == QueryNode::Kind::Word && !c.required) {
                plain.push_back(&c);
                continue;
            }
            flush();
            if (c.kind == QueryNode::Kind::Not) {
                must_not.push_back(positive(c.children.front()));
            } else if (c.required) {
                must.push_back(node(c));
            } else {
                should.push_back(node(c));
            }
        }
        flush();
        Xapian::Query q;
        if (!must.empty()) {
            q = combine(Xapian::Query::OP_AND, must);
            if (!should.empty())
                q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q,
                                  combine(Xapian::Query::OP_OR, should));
        } else {
            q = combine(Xapian::Query::OP_OR, should);
        }
        if (!must_not.empty()) {
            q = Xapian::Query(Xapian::Query::OP_AND_NOT, q.empty() ? Xapian::Query::MatchAll : q,
                              combine(Xapian::Query::OP_OR, must_not));
        }
        return q;
    }

    Xapian::Query all_of(std::vector<QueryNode>& children) {
        std::vector<Xapian::Query> must, must_not;
        for (auto& c : children) {
            if (c.kind == QueryNode::Kind::Not) {
                must_not.push_back(positive(c.children.front()));
            } else {
                must.push_back(node(c));
            }
        }
        Xapian::Query q =
            must.empty() ? Xapian::Query::MatchAll : combine(Xapian::Query::OP_AND, must);
        if (!must_not.empty())
            q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                              combine(Xapian::Query::OP_OR, must_not));
        return q;
    }

    QueryContext& ctx_;
    QueryPlan& plan_;
    std::string_view text_;
    std::vector<const Xapian::Stem*> stemmers_;
};

std::string filter_term(const std::string& field, const std::string& value) {
    if (field == "type") {
        std::string type = lower_word(value);
        // "scripts" is what people type as often as "script".
        if (type.size() > 1 && type.back() == 's' && type != "s") type.pop_back();
        return std::string(terms::kType) + type;
    }
    if (field == "tag") return std::string(terms::kTag) + normalize_word(value);
    if (field == "lang") return std::string(terms::kLang) + lower_word(value);
    return std::string(terms::kId) + value;
}

// Filters: alternatives within a field, all fields at once.
Xapian::Query filter_query(const std::map<std::string, std::vector<std::string>>& by_field) {
    std::vector<Xapian::Query> fields;
    for (const auto& [field, values] : by_field) {
        std::vector<std::string> terms;
        for (const auto& v : values) add_unique(terms, filter_term(field, v));
        fields.push_back(terms_query(Xapian::Query::OP_OR, terms));
    }
    return combine(Xapian::Query::OP_AND, fields);
}

std::string apply_corrections(std::string text, const std::vector<Correction>& corrections) {
    for (const auto& c : corrections) {
        const auto at = text.find(c.typed);
        if (at == std::string::npos) continue;
        // Built anew rather than with std::string::replace, which GCC 12 at -O3 warns about
        // wrongly (-Wrestrict, https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329).
        text = text.substr(0, at) + c.used + text.substr(at + c.typed.size());
    }
    return text;
}

}  // namespace

Xapian::termcount max_prefix_expansion(std::size_t prefix_chars) {
    switch (prefix_chars) {
        case 0:
        case 1:
            return 20;
        case 2:
            return 50;
        case 3:
            return 100;
        default:
            return 500;
    }
}

QueryPlan build_query(const SearchRequest& request, QueryContext& context) {
    QueryPlan plan;
    ParsedQuery parsed = parse_query(request.query);
    plan.notes = parsed.notes;

    std::map<std::string, std::vector<std::string>> filters;
    for (const auto& t : request.types) filters["type"].push_back(t);
    for (const auto& l : request.langs) filters["lang"].push_back(l);
    for (const auto& t : request.tags) filters["tag"].push_back(t);
    for (const auto& f : parsed.filters) filters[f.field].push_back(f.value);
    // A language filter says which stemmers the words need.
    if (auto it = filters.find("lang"); it != filters.end()) context.languages = it->second;

    Builder builder(context, plan, request.query);
    Xapian::Query q;
    if (parsed.root) {
        builder.correct(*parsed.root);
        q = builder.node(*parsed.root);
    }
    plan.corrections = builder.corrections;
    if (!plan.corrections.empty())
        plan.corrected_query = apply_corrections(request.query, plan.corrections);
    if (!filters.empty()) {
        q = Xapian::Query(Xapian::Query::OP_FILTER, q.empty() ? Xapian::Query::MatchAll : q,
                          filter_query(filters));
    }
    plan.query = q;
    return plan;
}

}  // namespace lectern::search
