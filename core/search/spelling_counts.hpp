#pragma once
// The spelling words of a rebuild, counted while the documents' terms are made and written
// once each at the end (internal to core/search).

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace lectern::search {

/// Spelling words and the number of documents each is in: far fewer calls into Xapian than
/// one per word per document, and no second walk over each finished document's terms.
class SpellingCounts {
  public:
    /// One word's count. Its address stays the same while the counts live, so a caller may
    /// keep it next to what it knows of the word.
    struct Entry {
        Xapian::termcount documents = 0;
        std::size_t last_document = 0;  ///< the caller's number of the last one counted
    };

    /// The entry of `word`, made at zero the first time.
    Entry& entry(std::string_view word);

    /// Counts the entry once for the document the caller numbers `document` (from 1): a word
    /// a document has several times counts once, as in Xapian's term frequencies.
    static void count(Entry& e, std::size_t document) noexcept {
        if (e.last_document == document) return;
        e.last_document = document;
        ++e.documents;
    }

    void merge(const SpellingCounts& other);
    void write(Xapian::WritableDatabase& db) const;

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, Entry, Hash, std::equal_to<>> counts_;
};

}  // namespace lectern::search
