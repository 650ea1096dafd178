#include "sync/space_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/error.hpp"

namespace fs = std::filesystem;

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

std::vector<std::string> remove_stale_git_locks(const std::vector<fs::path>& git_dirs) {
    std::vector<std::string> removed;
    for (const fs::path& dir : git_dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        auto it = fs::recursive_directory_iterator(dir, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->path().filename() == "objects") {
                it.disable_recursion_pending();  // objects never take lock files
                continue;
            }
            if (it->path().extension() != ".lock" || !it->is_regular_file(ec)) continue;
            if (fs::remove(it->path(), ec)) removed.push_back(it->path().string());
        }
    }
    return removed;
}

}  // namespace lectern::sync
