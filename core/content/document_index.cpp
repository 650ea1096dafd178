#include "content/document_index.hpp"

#include <functional>

namespace lectern::content {

std::size_t DocumentIndex::slot_of(const std::vector<Document>& documents,
                                   std::string_view key) const {
    // Open addressing with linear probing; the table is a power of two, at most half full.
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = std::hash<std::string_view>{}(key)&mask;; slot = (slot + 1) & mask) {
        const std::uint32_t held = slots_[slot];
        if (held == 0 || documents[held - 1].*field_ == key) return slot;
    }
}

std::optional<std::size_t> DocumentIndex::find(const std::vector<Document>& documents,
                                               std::string_view key) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t held = slots_[slot_of(documents, key)];
    if (held == 0) return std::nullopt;
    return held - 1;
}

bool DocumentIndex::add(const std::vector<Document>& documents, std::size_t position) {
    if ((used_ + 1) * 2 > slots_.size()) rehash(documents, slots_.empty() ? 64 : slots_.size() * 2);
    const std::size_t slot = slot_of(documents, documents[position].*field_);
    if (slots_[slot] != 0) return false;
    slots_[slot] = static_cast<std::uint32_t>(position + 1);
    ++used_;
    return true;
}

void DocumentIndex::reserve(const std::vector<Document>& documents, std::size_t count) {
    std::size_t size = slots_.empty() ? 64 : slots_.size();
    while (count * 2 > size) size *= 2;
    if (size != slots_.size()) rehash(documents, size);
}

void DocumentIndex::rehash(const std::vector<Document>& documents, std::size_t size) {
    std::vector<std::uint32_t> old = std::move(slots_);
    slots_.assign(size, 0);
    for (const std::uint32_t held : old) {
        if (held != 0) slots_[slot_of(documents, documents[held - 1].*field_)] = held;
    }
}

}  // namespace lectern::content
