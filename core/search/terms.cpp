#include "search/terms.hpp"

#include "search/words.hpp"

namespace lectern::search::terms {

bool is_spelling_word(std::string_view term) {
    if (term.size() < 3) return false;
    const char first = term.front();
    if (first >= 'A' && first <= 'Z') return false;
    return !is_number(term);
}

bool found_by_family(std::string_view word, std::string_view stem) {
    if (stem.size() < kFamilyStemMin || !word.starts_with(stem)) return false;
    for (const char c : word) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

}  // namespace lectern::search::terms
