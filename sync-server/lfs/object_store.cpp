#include "lfs/object_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <random>

#include "auth/secrets.hpp"
#include "common/error.hpp"
#include "http/refusal.hpp"

namespace lectern::server {

bool LfsObjectStore::is_valid_oid(std::string_view oid) {
    if (oid.size() != 64) return false;
    for (char c : oid) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

std::filesystem::path LfsObjectStore::path_of(std::string_view oid) const {
    return dir_ / oid.substr(0, 2) / oid.substr(2, 2) / oid;
}

std::optional<std::uint64_t> LfsObjectStore::size_of(std::string_view oid) const {
    // A batch request asks this for up to 100 objects: one string and one stat() each, not a
    // std::filesystem::path of four components.
    std::string file;
    file.reserve(dir_.native().size() + oid.size() + 8);
    file += dir_.native();
    file += '/';
    file += oid.substr(0, 2);
    file += '/';
    file += oid.substr(2, 2);
    file += '/';
    file += oid;
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return static_cast<std::uint64_t>(st.st_size);
}

LfsObjectStore::Sizes::Sizes(const LfsObjectStore& store)
    : dir_(::open(store.dir_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {}

std::optional<std::uint64_t> LfsObjectStore::Sizes::of(std::string_view oid) const {
    if (!dir_ || !is_valid_oid(oid)) return std::nullopt;  // no folder: nothing stored yet
    std::array<char, 72> relative{};                       // "ab/cd/" + 64 digits + NUL
    std::snprintf(relative.data(), relative.size(), "%.2s/%.2s/%.64s", oid.data(), oid.data() + 2,
                  oid.data());
    struct stat st {};
    if (::fstatat(dir_.get(), relative.data(), &st, 0) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    return static_cast<std::uint64_t>(st.st_size);
}

LfsObjectStore::Upload::Upload(const LfsObjectStore& store, std::string oid)
    : store_(store), oid_(std::move(oid)) {
    ensure_sodium();
    std::random_device rd;
    const auto tmp_dir = store_.dir_ / "tmp";
    std::filesystem::create_directories(tmp_dir);
    temp_ = tmp_dir / (oid_ + "." + std::to_string(rd()) + std::to_string(rd()));
    file_ = std::fopen(temp_.c_str(), "wb");
    if (!file_) throw Error(ErrorKind::Io, "cannot create " + temp_.string());
    crypto_hash_sha256_init(&hash_);
}

LfsObjectStore::Upload::~Upload() {
    if (file_) std::fclose(file_);
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
}

bool LfsObjectStore::Upload::write(const char* data, std::size_t len) {
    crypto_hash_sha256_update(&hash_, reinterpret_cast<const unsigned char*>(data), len);
    size_ += len;
    return std::fwrite(data, 1, len, file_) == len;
}

void LfsObjectStore::Upload::finish(std::optional<std::uint64_t> expected_size) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&hash_, digest.data());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    const bool flushed = std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
    std::fclose(file_);
    file_ = nullptr;
    if (std::string_view(hex.data()) != oid_) {
        throw RequestRefused(Refusal::InvalidUpload, "the uploaded object's sha256 is " +
                                                         std::string(hex.data()) + ", not " + oid_);
    }
    if (expected_size && *expected_size != size_) {
        throw RequestRefused(Refusal::InvalidUpload, "the uploaded object has " +
                                                         std::to_string(size_) + " bytes, not " +
                                                         std::to_string(*expected_size));
    }
    if (!flushed) throw Error(ErrorKind::Io, "cannot write " + temp_.string());
    const auto target = store_.path_of(oid_);
    std::filesystem::create_directories(target.parent_path());
    // rename() is atomic: a reader sees the old object, or the new one, never a part.
    std::filesystem::rename(temp_, target);
}

}  // namespace lectern::server
