#pragma once
// Words too common to tell documents apart (internal to core/search).

#include <string_view>

namespace lectern::search {

/// True for the commonest function words of English, Polish, Norwegian, Estonian and
/// Russian, in normalized form ("at", "me", "w", "og", "ja", "и"). A query leaves them out
/// when it has other words: "swearing at me" searches for "swearing". They stay indexed,
/// so phrases and queries of stopwords alone still work.
bool is_stopword(std::string_view normalized_word);

}  // namespace lectern::search
