#include "lesson/child_process.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <vector>

#include "common/error.hpp"

extern char** environ;

namespace lectern::lesson {

namespace fs = std::filesystem;

namespace {

std::vector<char*> c_argv(const std::vector<std::string>& argv) {
    std::vector<char*> out;
    for (const auto& a : argv) out.push_back(const_cast<char*>(a.c_str()));
    out.push_back(nullptr);
    return out;
}

[[noreturn]] void throw_not_installed(const std::string& program, const std::string& package) {
    throw Error(ErrorKind::NotFound, "'" + program +
                                         "' is not installed: install the Debian "
                                         "package " +
                                         package + " (scripts/install-deps.sh does)");
}

fs::path temp_file_name(const char* what) {
    std::random_device rd;
    return fs::temp_directory_path() /
           ("lectern-" + std::string(what) + "-" + std::to_string(getpid()) + "-" +
            std::to_string(rd()) + ".log");
}

int wait_for(int pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

// Blocks SIGPIPE for the calling thread while it lives: writing into a pipe whose reader has
// gone fails with EPIPE instead of stopping the process. A SIGPIPE raised meanwhile is
// taken off the thread before the block is lifted; the process's signal handling is left alone.
class SigpipeBlock {
  public:
    SigpipeBlock() {
        sigemptyset(&pipe_);
        sigaddset(&pipe_, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
    }
    ~SigpipeBlock() {
        if (sigismember(&old_, SIGPIPE)) return;
        const timespec zero{0, 0};
        while (sigtimedwait(&pipe_, nullptr, &zero) > 0) {
        }
        pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }
    SigpipeBlock(const SigpipeBlock&) = delete;
    SigpipeBlock& operator=(const SigpipeBlock&) = delete;

  private:
    sigset_t pipe_{};
    sigset_t old_{};
};

// RAII for posix_spawn_file_actions_t.
struct FileActions {
    posix_spawn_file_actions_t actions;
    FileActions() { posix_spawn_file_actions_init(&actions); }
    ~FileActions() { posix_spawn_file_actions_destroy(&actions); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
};

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::string& package,
                           Stream stream)
    : stderr_file_(temp_file_name("ffmpeg")) {
    // Pipes made large enough for a good part of a video frame: fewer wake-ups for both
    // sides, and splice() moves whole pages from one child's output to another's input.
    int fds[2];
    const bool input = stream == Stream::Input;
    if (pipe2(fds, O_CLOEXEC) != 0) {
        throw Error(ErrorKind::Io,
                    std::string("cannot start ") + argv[0] + ": " + std::strerror(errno));
    }
    // The child's end, and ours.
    const int child_fd = input ? fds[0] : fds[1];
    const int own_fd = input ? fds[1] : fds[0];
    fcntl(own_fd, F_SETPIPE_SZ, 1 << 20);  // a hint: a smaller pipe still works
    FileActions fa;
    if (input) {
        posix_spawn_file_actions_adddup2(&fa.actions, child_fd, STDIN_FILENO);
        posix_spawn_file_actions_addopen(&fa.actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    } else {
        posix_spawn_file_actions_addopen(&fa.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&fa.actions, child_fd, STDOUT_FILENO);
    }
    posix_spawn_file_actions_addopen(&fa.actions, STDERR_FILENO, stderr_file_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    auto args = c_argv(argv);
    const int rc = posix_spawnp(&pid_, argv[0].c_str(), &fa.actions, nullptr, args.data(), environ);
    close(child_fd);
    if (rc != 0) {
        close(own_fd);
        pid_ = -1;
        std::error_code ec;
        fs::remove(stderr_file_, ec);
        if (rc == ENOENT) throw_not_installed(argv[0], package);
        throw Error(ErrorKind::Io, "cannot start " + argv[0] + ": " + std::strerror(rc));
    }
    fd_ = own_fd;
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0) kill();
    if (fd_ >= 0) close(fd_);
    std::error_code ec;
    fs::remove(stderr_file_, ec);
}

bool ChildProcess::write(const void* data, std::size_t size) {
    SigpipeBlock block;
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd_, p, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool ChildProcess::read_exactly(void* data, std::size_t size) {
    auto* p = static_cast<char*>(data);
    while (size > 0) {
        const ssize_t n = ::read(fd_, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool ChildProcess::pass_to(ChildProcess& to, std::size_t size) {
    SigpipeBlock block;
    while (size > 0) {
        const ssize_t n =
            splice(fd_, nullptr, to.fd_, nullptr, size, SPLICE_F_MOVE | SPLICE_F_MORE);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EINVAL) {
            // A kernel that cannot splice between these two: copy through a buffer.
            std::vector<char> buffer(std::min<std::size_t>(size, 1 << 20));
            while (size > 0) {
                const std::size_t part = std::min(size, buffer.size());
                if (!read_exactly(buffer.data(), part) || !to.write(buffer.data(), part))
                    return false;
                size -= part;
            }
            return true;
        }
        if (n <= 0) return false;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

int ChildProcess::finish() {
    if (fd_ >= 0) {
        close(fd_);
        fd_ = -1;
    }
    if (pid_ <= 0) return -1;
    const int status = wait_for(pid_);
    pid_ = -1;
    return status;
}

void ChildProcess::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    wait_for(pid_);
    pid_ = -1;
}

std::string ChildProcess::error_output() const {
    std::ifstream in(stderr_file_);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The end says why; the start is ffmpeg repeating its configuration.
    if (text.size() > 1500) text = "…" + text.substr(text.size() - 1500);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

CommandOutput run_command(const std::vector<std::string>& argv, const std::string& package) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        throw Error(ErrorKind::Io, "cannot start " + argv[0] + ": " + std::strerror(errno));
    }
    FileActions fa;
    posix_spawn_file_actions_adddup2(&fa.actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&fa.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa.actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    auto args = c_argv(argv);
    int pid = -1;
    const int rc = posix_spawnp(&pid, argv[0].c_str(), &fa.actions, nullptr, args.data(), environ);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        if (rc == ENOENT) throw_not_installed(argv[0], package);
        throw Error(ErrorKind::Io, "cannot start " + argv[0] + ": " + std::strerror(rc));
    }
    CommandOutput out;
    std::array<char, 4096> buffer{};
    for (;;) {
        const ssize_t n = read(fds[0], buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.out.append(buffer.data(), static_cast<std::size_t>(n));
    }
    close(fds[0]);
    out.status = wait_for(pid);
    return out;
}

}  // namespace lectern::lesson
