#include "search/terms.hpp"

#include "search/words.hpp"

namespace lectern::search::terms {

bool is_spelling_word(std::string_view term) {
    if (term.size() < 3) return false;
    const char first = term.front();
    if (first >= 'A' && first <= 'Z') return false;
    return !is_number(term);
}

}  // namespace lectern::search::terms
