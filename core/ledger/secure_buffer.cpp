#include "ledger/secure_buffer.hpp"

#include <sodium.h>

#include <utility>

#include "common/error.hpp"
#include "ledger/sodium.hpp"

namespace lectern::ledger {

SecureBuffer::SecureBuffer(std::size_t size) : size_(size) {
    ensure_sodium();
    // sodium_malloc(0) is allowed but returns a pointer we must still free; keep one byte.
    data_ = static_cast<unsigned char*>(sodium_malloc(size == 0 ? 1 : size));
    if (!data_) throw Error(ErrorKind::Library, "could not allocate protected memory for a secret");
    sodium_memzero(data_, size == 0 ? 1 : size);
}

SecureBuffer::~SecureBuffer() {
    if (data_) sodium_free(data_);  // sodium_free wipes before it unmaps
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept {
    if (this != &other) {
        if (data_) sodium_free(data_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

void SecureBuffer::shrink(std::size_t size) noexcept {
    if (size >= size_) return;
    sodium_memzero(data_ + size, size_ - size);
    size_ = size;
}

void SecureBuffer::wipe() noexcept {
    if (data_) sodium_memzero(data_, size_);
}

}  // namespace lectern::ledger
