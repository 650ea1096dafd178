#include "passphrase_input.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/error.hpp"

namespace lectern::cli {

namespace {

constexpr std::size_t kMaxPassphrase = 1023;

// Reads one byte at a time: whatever follows the newline on the descriptor stays for whoever
// reads it next.
ledger::SecureBuffer read_line(int fd) {
    ledger::SecureBuffer buffer(kMaxPassphrase + 1);
    std::size_t length = 0;
    for (;;) {
        unsigned char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw Error(ErrorKind::Io,
                        std::string("could not read the passphrase: ") + std::strerror(errno));
        if (n == 0 || c == '\n') break;
        if (length == kMaxPassphrase)
            throw Error(ErrorKind::InvalidArgument, "the passphrase is longer than 1023 bytes");
        buffer.data()[length++] = c;
    }
    if (length > 0 && buffer.data()[length - 1] == '\r') --length;
    buffer.shrink(length);
    return buffer;
}

// Puts the terminal's echo back however the read ends.
class EchoOff {
  public:
    explicit EchoOff(int fd) : fd_(fd) {
        if (::tcgetattr(fd_, &saved_) == 0) {
            termios quiet = saved_;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            active_ = ::tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~EchoOff() {
        if (active_) ::tcsetattr(fd_, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

  private:
    int fd_;
    termios saved_{};
    bool active_ = false;
};

}  // namespace

void add_passphrase_fd_option(CLI::App& cmd, std::optional<int>& fd) {
    cmd.add_option("--passphrase-fd", fd,
                   "Read the passphrase from this open file descriptor (one line) instead of "
                   "asking on the terminal; for scripts. Never pass a passphrase as an argument")
        ->check(CLI::NonNegativeNumber);
}

ledger::SecureBuffer read_passphrase(std::optional<int> fd, const std::string& prompt) {
    if (fd) return read_line(*fd);
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (tty < 0)
        throw Error(ErrorKind::InvalidArgument,
                    "no terminal to ask for the passphrase on: pass it on a file descriptor "
                    "with --passphrase-fd N");
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{tty};
    if (::write(tty, prompt.data(), prompt.size()) < 0) { /* the prompt is a courtesy */
    }
    ledger::SecureBuffer line = [&] {
        EchoOff quiet(tty);
        return read_line(tty);
    }();
    if (::write(tty, "\n", 1) < 0) { /* likewise */
    }
    return line;
}

}  // namespace lectern::cli
