#include "auth/secrets.hpp"

#include <sodium.h>

#include <array>
#include <mutex>

#include "common/error.hpp"

namespace lectern::server {

namespace {

std::string random_base64url(std::size_t bytes) {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                    '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                      raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.find('\0'));
    return out;
}

}  // namespace

void ensure_sodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            throw Error(ErrorKind::Library, "libsodium could not be initialised");
    });
}

std::string hash_password(std::string_view password) {
    ensure_sodium();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str_alg(
            out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw Error(ErrorKind::Library, "hashing a password failed (out of memory?)");
    }
    return std::string(out.data());
}

bool verify_password(std::string_view password, const std::string& stored) {
    ensure_sodium();
    return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

std::string generate_token() {
    ensure_sodium();
    return "lct_" + random_base64url(32);
}

std::string hash_token(std::string_view token) {
    ensure_sodium();
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                       0);
    std::array<char, 65> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data());
}

std::string generate_password() {
    ensure_sodium();
    return random_base64url(15);
}

}  // namespace lectern::server
