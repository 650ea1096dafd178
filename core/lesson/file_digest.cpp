#include "lesson/file_digest.hpp"

#include <sodium.h>

#include <array>
#include <fstream>

#include "common/error.hpp"

namespace lectern::lesson {

namespace {

std::string hex(const unsigned char* bytes, std::size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 0xF];
    }
    return out;
}

}  // namespace

std::string file_sha256(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, "cannot read '" + file.string() + "'");
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::array<char, 1 << 16> buffer{};
    while (in) {
        in.read(buffer.data(), buffer.size());
        const auto n = in.gcount();
        if (n > 0) {
            crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()),
                                      static_cast<unsigned long long>(n));
        }
    }
    if (in.bad()) throw Error(ErrorKind::Io, "reading '" + file.string() + "' failed");
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state, digest.data());
    return hex(digest.data(), digest.size());
}

std::string text_sha256(std::string_view text) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                       text.size());
    return hex(digest.data(), digest.size());
}

std::optional<std::string> lfs_pointer_oid(const std::filesystem::path& file) {
    std::error_code ec;
    // Pointers are about 130 bytes; the spec caps them at 1024.
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > 1024) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    std::string first;
    if (!std::getline(in, first) || first.rfind("version https://git-lfs.github.com/spec/", 0) != 0)
        return std::nullopt;
    for (std::string line; std::getline(in, line);) {
        constexpr std::string_view kOid = "oid sha256:";
        if (line.rfind(kOid, 0) == 0) {
            std::string oid = line.substr(kOid.size());
            if (oid.size() == 64) return oid;
        }
    }
    return std::nullopt;
}

std::string content_sha256(const std::filesystem::path& file) {
    if (auto oid = lfs_pointer_oid(file)) return *oid;
    return file_sha256(file);
}

}  // namespace lectern::lesson
