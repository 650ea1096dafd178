#include "sync/file_ops.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <random>

#include "common/error.hpp"
#include "common/log.hpp"

namespace lectern::sync::files {

namespace fs = std::filesystem;

namespace {

Error io_error(const std::string& doing, const fs::path& path, int err = errno) {
    return Error(ErrorKind::Io,
                 "cannot " + doing + " " + path.string() + ": " + std::strerror(err));
}

std::string random_suffix() {
    static thread_local std::mt19937_64 gen(std::random_device{}());
    return std::to_string(gen() % 1000000000ull);
}

std::string format_utc(const char* format) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

}  // namespace

void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw io_error("open the folder", folder);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) throw io_error("flush the folder", folder, err);
}

void write_atomically(const fs::path& file, std::string_view bytes, unsigned mode) {
    // Appended piece by piece: `"." + std::string` makes GCC 12 at -O3 warn wrongly
    // (-Wrestrict, https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329).
    std::string name = ".";
    name += file.filename().string();
    name += ".tmp";
    name += random_suffix();
    const fs::path temp = file.parent_path() / name;
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) throw io_error("create", temp);
    // open() applies the umask; the mode must be exactly what was asked (0600 for secrets).
    bool ok = ::fchmod(fd, mode) == 0;
    std::size_t written = 0;
    while (ok && written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) written += static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!ok || ::rename(temp.c_str(), file.c_str()) != 0) {
        const int rename_err = ok ? errno : err;
        ::unlink(temp.c_str());
        throw io_error("write", file, rename_err);
    }
    sync_folder(file.parent_path().empty() ? fs::path(".") : file.parent_path());
}

bool read_file(const fs::path& file, std::string& out) {
    std::error_code ec;
    if (!fs::exists(file, ec)) return false;
    std::ifstream in(file, std::ios::binary);
    if (!in) throw io_error("read", file);
    out.assign(std::istreambuf_iterator<char>(in), {});
    if (in.bad()) throw io_error("read", file);
    return true;
}

void create_private_folders(const fs::path& folder) {
    std::error_code ec;
    if (fs::is_directory(folder, ec)) return;
    if (!folder.parent_path().empty() && folder.parent_path() != folder)
        create_private_folders(folder.parent_path());
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) throw io_error("create", folder);
}

void exchange_folders(const fs::path& a, const fs::path& b) {
    if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) {
        sync_folder(a.parent_path());
        return;
    }
    if (errno != EINVAL && errno != ENOSYS) throw io_error("swap in", b);
    // No atomic exchange on this file system: a reader may briefly find no `a`; a kill in
    // that moment is repaired by recover_swap() at the next start.
    const fs::path old = a.string() + ".old";
    if (::rename(a.c_str(), old.c_str()) != 0) throw io_error("move aside", a);
    if (::rename(b.c_str(), a.c_str()) != 0) {
        const int err = errno;
        ::rename(old.c_str(), a.c_str());
        throw io_error("move in", b, err);
    }
    if (::rename(old.c_str(), b.c_str()) != 0) throw io_error("move aside", old);
    sync_folder(a.parent_path());
}

bool recover_swap(const fs::path& a) {
    std::error_code ec;
    const fs::path old = a.string() + ".old";
    if (fs::exists(a, ec) || !fs::exists(old, ec)) return false;
    if (::rename(old.c_str(), a.c_str()) != 0) throw io_error("restore", a);
    return true;
}

void remove_tree_quietly(const fs::path& folder) {
    std::error_code ec;
    fs::remove_all(folder, ec);
    if (ec) log::warning(log::kSync, "cannot remove " + folder.string() + ": " + ec.message());
}

std::string utc_stamp_for_file_name() {
    return format_utc("%Y-%m-%dT%H-%M-%SZ");
}

std::string utc_now_rfc3339() {
    return format_utc("%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace lectern::sync::files
