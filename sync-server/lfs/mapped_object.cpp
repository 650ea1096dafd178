#include "lfs/mapped_object.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace lectern::server {

std::shared_ptr<const MappedObject> MappedObject::open(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return nullptr;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    const void* data = nullptr;
    if (size > 0) {
        data = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
        if (data == MAP_FAILED) {
            ::close(fd);
            return nullptr;
        }
        // Read ahead: the object is sent from start to end.
        ::madvise(const_cast<void*>(data), size, MADV_SEQUENTIAL);
    }
    ::close(fd);  // the mapping keeps the file's pages
    return std::shared_ptr<const MappedObject>(new MappedObject(data, size));
}

MappedObject::~MappedObject() {
    if (data_ != nullptr) ::munmap(const_cast<void*>(data_), size_);
}

std::string_view MappedObject::bytes(std::size_t offset, std::size_t length) const {
    if (offset >= size_) return {};
    return {static_cast<const char*>(data_) + offset, std::min(length, size_ - offset)};
}

}  // namespace lectern::server
