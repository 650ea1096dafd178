#pragma once
// The vocabulary of the index: term prefixes and value slots (internal to core/search).
// Prefixes follow Xapian's Omega conventions where one exists.

#include <string_view>

#include <xapian.h>

namespace lectern::search::terms {

// Free-text terms. Unprefixed: every word of the document, with positions, so that
// phrases work. Z: stems of those words, except a stem that is the word itself (queries
// look a stem up as a word too). S and ZS: words and stems of the title, searched with a
// higher weight than the body.
inline constexpr std::string_view kStem = "Z";
inline constexpr std::string_view kTitle = "S";
inline constexpr std::string_view kTitleStem = "ZS";

// Boolean terms for filters and look-ups.
inline constexpr std::string_view kType = "XT";  ///< XTscript
inline constexpr std::string_view kTag = "K";    ///< Krefund
inline constexpr std::string_view kLang = "L";   ///< Lpl, and Len next to Len-gb
inline constexpr std::string_view kId = "Q";     ///< Qrefund-request: unique
inline constexpr std::string_view kPath =
    "XP";  ///< XPscripts/refund-request.md: unique, the key of updates

/// The relative path of each document, for updates that walk every document.
inline constexpr Xapian::valueno kSlotPath = 0;
/// "size:mtime" of the file, for spaces that are plain folders without git.
inline constexpr Xapian::valueno kSlotStamp = 1;
/// The document's catalog entry (search/catalog.hpp): what lists it without its file.
inline constexpr Xapian::valueno kSlotCatalog = 2;
/// The document's record (search/document_record.hpp): what a result shows, snippets' text.
inline constexpr Xapian::valueno kSlotRecord = 3;

/// True for free-text terms that feed the spelling dictionary: unprefixed (prefixes are
/// upper case, words are lower case), at least three bytes, not a number.
bool is_spelling_word(std::string_view term);

}  // namespace lectern::search::terms
