#include "sync/space_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/error.hpp"

namespace lectern::sync {

SpaceLock::SpaceLock(const std::filesystem::path& folder) {
    const auto file = folder / ".sync.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0)
        throw Error(ErrorKind::Io, "cannot open " + file.string() + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd_);
        throw Error(ErrorKind::Io, "another sync of " + folder.filename().string() +
                                       " is running; wait for it to finish and try again");
    }
}

SpaceLock::~SpaceLock() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace lectern::sync
