#include "ledger/durable_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "common/error.hpp"
#include "ledger/sodium.hpp"

namespace lectern::ledger::durable {

namespace {

Error io_error(const std::string& doing, const std::filesystem::path& path) {
    return Error(ErrorKind::Io,
                 "could not " + doing + " " + path.string() + ": " + std::strerror(errno));
}

class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    /// Closes now and reports whether close succeeded (it can report a late write error).
    bool close() {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }

  private:
    int fd_;
};

}  // namespace

void sync_path(const std::filesystem::path& path) {
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) throw io_error("open", path);
    if (::fsync(fd.get()) != 0) throw io_error("flush to disk", path);
}

void create_private_folders(const std::filesystem::path& folder) {
    if (folder.empty() || std::filesystem::is_directory(folder)) return;
    create_private_folders(folder.parent_path());
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) throw io_error("create", folder);
}

void write_file(const std::filesystem::path& file, std::string_view bytes, unsigned mode) {
    const std::filesystem::path folder = file.parent_path();
    create_private_folders(folder);
    // Appended piece by piece: `"." + std::string` makes GCC 12 at -O3 warn wrongly
    // (-Wrestrict, https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329).
    std::string name = ".";
    name += file.filename().string();
    name += '.';
    name += random_hex(6);
    name += ".tmp";
    const std::filesystem::path temporary = folder / name;
    FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode));
    if (fd.get() < 0) throw io_error("create", temporary);
    const auto fail = [&](const std::string& doing) {
        const Error e = io_error(doing, temporary);
        ::unlink(temporary.c_str());
        return e;
    };
    // The umask may have taken bits away from `mode`; a key file must be exactly 0600.
    if (::fchmod(fd.get(), mode) != 0) throw fail("set the permissions of");
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw fail("write");
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) throw fail("flush to disk");
    if (!fd.close()) throw fail("close");
    if (::rename(temporary.c_str(), file.c_str()) != 0) throw fail("rename into place");
    sync_path(folder);
}

bool read_file(const std::filesystem::path& file, std::string& out) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        if (!std::filesystem::exists(file)) return false;
        throw io_error("read", file);
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw io_error("read", file);
    out = buffer.str();
    return true;
}

}  // namespace lectern::ledger::durable
