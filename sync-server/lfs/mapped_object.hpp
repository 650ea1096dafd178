#pragma once
// An LFS object mapped into memory for sending. Objects are written to a temporary file and
// renamed into place once verified, and never changed afterwards, so the mapping stays valid
// for as long as it is held, even if the object is removed meanwhile.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

namespace lectern::server {

class MappedObject {
  public:
    /// Maps the whole file read-only; nullptr when it cannot be opened (removed, unreadable).
    static std::shared_ptr<const MappedObject> open(const std::filesystem::path& file);
    ~MappedObject();
    MappedObject(const MappedObject&) = delete;
    MappedObject& operator=(const MappedObject&) = delete;

    /// The bytes [offset, offset + length) clipped to the object.
    std::string_view bytes(std::size_t offset, std::size_t length) const;
    std::size_t size() const noexcept { return size_; }

  private:
    MappedObject(const void* data, std::size_t size) : data_(data), size_(size) {}
    const void* data_;
    std::size_t size_;
};

}  // namespace lectern::server
