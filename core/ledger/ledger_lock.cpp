#include "ledger/ledger_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "common/error.hpp"
#include "common/log.hpp"

namespace lectern::ledger {

LedgerLock::LedgerLock(const std::filesystem::path& ledger) {
    const auto file = ledger / "lectern-ledger.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0)
        throw Error(ErrorKind::Io, "could not open " + file.string() + ": " + std::strerror(errno));
    while (::flock(fd_, LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        const int saved = errno;
        ::close(fd_);
        throw Error(ErrorKind::Io, "could not lock " + file.string() + ": " + std::strerror(saved));
    }
}

LedgerLock::~LedgerLock() {
    if (fd_ >= 0) ::close(fd_);  // closing drops the flock
}

bool remove_stale_ref_lock(const std::filesystem::path& git_dir, const std::string& ref) {
    const auto lock = git_dir / (ref + ".lock");
    std::error_code ec;
    if (!std::filesystem::remove(lock, ec)) return false;
    log::warning(log::kLedger, "removed " + lock.string() + ", left by an interrupted write");
    return true;
}

std::size_t remove_stale_git_locks(const std::filesystem::path& git_dir) {
    namespace fs = std::filesystem;
    std::vector<fs::path> stale;
    std::error_code ec;
    for (const char* name :
         {"packed-refs.lock", "HEAD.lock", "config.lock", "index.lock", "FETCH_HEAD.lock"}) {
        if (fs::is_regular_file(git_dir / name, ec)) stale.push_back(git_dir / name);
    }
    if (fs::is_directory(git_dir / "refs", ec)) {
        for (auto it = fs::recursive_directory_iterator(git_dir / "refs", ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_regular_file(ec) && it->path().extension() == ".lock")
                stale.push_back(it->path());
        }
    }
    std::size_t removed = 0;
    for (const auto& file : stale) {
        if (!fs::remove(file, ec)) continue;
        ++removed;
        log::warning(log::kLedger, "removed " + file.string() + ", left by an interrupted write");
    }
    return removed;
}

}  // namespace lectern::ledger
