#include "process/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/error.hpp"

namespace lectern::server {

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
    if (this != &other) reset(other.release());
    return *this;
}

int UniqueFd::release() noexcept {
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

void UniqueFd::reset(int fd) noexcept {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
}

namespace {

struct FileActions {
    posix_spawn_file_actions_t actions;
    FileActions() { posix_spawn_file_actions_init(&actions); }
    ~FileActions() { posix_spawn_file_actions_destroy(&actions); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
};

std::vector<char*> c_strings(const std::vector<std::string>& in) {
    std::vector<char*> out;
    out.reserve(in.size() + 1);
    for (const auto& s : in) out.push_back(const_cast<char*>(s.c_str()));
    out.push_back(nullptr);
    return out;
}

void make_pipe(UniqueFd& read_end, UniqueFd& write_end) {
    int fds[2];
    // O_CLOEXEC: no other child spawned meanwhile by another thread inherits these ends.
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throw Error(ErrorKind::Io, std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    read_end.reset(fds[0]);
    write_end.reset(fds[1]);
}

}  // namespace

ChildProcess ChildProcess::spawn(const SpawnOptions& options) {
    UniqueFd in_read, in_write, out_read, out_write;
    make_pipe(in_read, in_write);
    make_pipe(out_read, out_write);

    FileActions fa;
    posix_spawn_file_actions_adddup2(&fa.actions, in_read.get(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&fa.actions, out_write.get(), STDOUT_FILENO);
    if (!options.cwd.empty())
        posix_spawn_file_actions_addchdir_np(&fa.actions, options.cwd.c_str());

    auto argv = c_strings(options.argv);
    auto envp = c_strings(options.env);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, options.argv.at(0).c_str(), &fa.actions, nullptr,
                                 argv.data(), envp.data());
    if (rc != 0) {
        throw Error(ErrorKind::Io, "cannot start " + options.argv.at(0) + ": " + std::strerror(rc));
    }
    ChildProcess child;
    child.pid_ = pid;
    child.stdin_ = std::move(in_write);
    child.stdout_ = std::move(out_read);
    return child;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_), stdin_(std::move(other.stdin_)), stdout_(std::move(other.stdout_)) {
    other.pid_ = -1;
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        wait();
    }
}

int ChildProcess::wait() {
    if (pid_ <= 0) return -1;
    stdin_.reset();
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace lectern::server
