#pragma once
// Memory for secrets (private keys, passphrases, keys derived from them): allocated with
// sodium_malloc (guard pages, never swapped where mlock works) and wiped when freed.

#include <cstddef>
#include <string_view>

namespace lectern::ledger {

/// Owns `size` bytes from sodium_malloc; sodium_free wipes them when the buffer dies.
/// Move-only: a secret has exactly one owner. Throws Error(Library) if the allocation fails.
class SecureBuffer {
  public:
    explicit SecureBuffer(std::size_t size);
    ~SecureBuffer();
    SecureBuffer(SecureBuffer&& other) noexcept;
    SecureBuffer& operator=(SecureBuffer&& other) noexcept;
    SecureBuffer(const SecureBuffer&) = delete;
    SecureBuffer& operator=(const SecureBuffer&) = delete;

    unsigned char* data() noexcept { return data_; }
    const unsigned char* data() const noexcept { return data_; }
    std::size_t size() const noexcept { return size_; }
    /// The bytes as a view (valid while the buffer lives).
    std::string_view view() const noexcept { return {reinterpret_cast<const char*>(data_), size_}; }
    /// Keeps the first `size` bytes (wipes the rest); never grows.
    void shrink(std::size_t size) noexcept;
    /// Wipes the bytes now (they read as zeros after).
    void wipe() noexcept;

  private:
    unsigned char* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace lectern::ledger
