#pragma once
// The compact form of the fields the index stores (internal to core/search): each field as its
// length (LEB128) and its bytes, in order.

#include <cstdint>
#include <string>
#include <string_view>

namespace lectern::search::codec {

inline void put(std::string& out, std::string_view field) {
    std::uint64_t n = field.size();
    do {
        unsigned char byte = n & 0x7F;
        n >>= 7;
        if (n) byte |= 0x80;
        out += static_cast<char>(byte);
    } while (n);
    out += field;
}

/// Takes the next field off `in`; false when `in` does not hold one.
inline bool get(std::string_view& in, std::string& field) {
    std::uint64_t n = 0;
    for (int shift = 0;; shift += 7) {
        if (in.empty() || shift > 35) return false;
        const auto byte = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        n |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80)) break;
    }
    if (n > in.size()) return false;
    field.assign(in.substr(0, n));
    in.remove_prefix(n);
    return true;
}

}  // namespace lectern::search::codec
