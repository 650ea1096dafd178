#pragma once
// Finds a space's documents by one of their string fields (id, path) without a second copy of
// the keys: a table of positions in the documents' vector, hashed on the field. A std::map of
// the same keys cost about 100 bytes a document, 10 MB for the two of a 50,000-document space.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/document.hpp"

namespace lectern::content {

class DocumentIndex {
  public:
    using Field = std::string Document::*;
    explicit DocumentIndex(Field field) : field_(field) {}

    /// The position in `documents` of the document whose field is `key`, if one is indexed.
    std::optional<std::size_t> find(const std::vector<Document>& documents,
                                    std::string_view key) const;
    /// Indexes documents[position] unless a document with its key is indexed already (then
    /// returns false and the first stays). `documents` is the vector find() will be given.
    bool add(const std::vector<Document>& documents, std::size_t position);
    /// Makes room for `count` documents in all, so that adding them never rehashes the ones
    /// indexed (a space of 50,000 documents from the catalog would rehash 11 times).
    void reserve(const std::vector<Document>& documents, std::size_t count);

  private:
    std::size_t slot_of(const std::vector<Document>& documents, std::string_view key) const;
    void rehash(const std::vector<Document>& documents, std::size_t size);

    Field field_;
    std::vector<std::uint32_t> slots_;  // position + 1; 0 is an empty slot
    std::size_t used_ = 0;
};

}  // namespace lectern::content
