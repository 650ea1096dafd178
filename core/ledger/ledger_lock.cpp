#include "ledger/ledger_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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

}  // namespace lectern::ledger
