#include "search/stemmers.hpp"

#include "common/text.hpp"

namespace lectern::search {

std::string primary_language(std::string_view tag) {
    const auto dash = tag.find_first_of("-_");
    return utf8_lower(tag.substr(0, dash));
}

const Xapian::Stem* Stemmers::find(std::string_view lang_tag) {
    const std::string lang = primary_language(lang_tag);
    auto it = by_language_.find(lang);
    if (it == by_language_.end()) {
        std::optional<Xapian::Stem> stem;
        // Xapian names languages by ISO 639-1 code or English name and throws for others;
        // "none" and the empty string would give a stemmer that does nothing, so skip them.
        if (!lang.empty() && lang != "none") {
            try {
                stem.emplace(lang);
            } catch (const Xapian::InvalidArgumentError&) {
                // No stemmer for this language: an expected outcome, words stay as written.
            }
        }
        it = by_language_.emplace(lang, std::move(stem)).first;
    }
    return it->second ? &*it->second : nullptr;
}

}  // namespace lectern::search
