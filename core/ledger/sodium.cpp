#include "ledger/sodium.hpp"

#include <sodium.h>

#include <mutex>
#include <vector>

#include "common/error.hpp"

namespace lectern::ledger {

void ensure_sodium() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] { ok = sodium_init() >= 0; });
    if (!ok) throw Error(ErrorKind::Library, "libsodium could not be initialised");
}

std::string to_base64(std::string_view bytes) {
    ensure_sodium();
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL libsodium writes
    return out;
}

std::optional<std::string> from_base64(std::string_view text) {
    ensure_sodium();
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &length, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    out.resize(length);
    // Only the one spelling of these bytes: no trailing bits set in the last character.
    if (to_base64(out) != text) return std::nullopt;
    return out;
}

std::string random_hex(std::size_t count) {
    ensure_sodium();
    std::vector<unsigned char> raw(count);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(count * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.resize(count * 2);
    return hex;
}

}  // namespace lectern::ledger
