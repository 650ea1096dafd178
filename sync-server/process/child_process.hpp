#pragma once
// A child process with pipes to its stdin and stdout, started with posix_spawn. The object owns
// the pid and the pipe ends: destroying it before wait() kills the child and reaps it.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace lectern::server {

/// Owns one file descriptor.
class UniqueFd {
  public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept;
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const noexcept { return fd_; }
    explicit operator bool() const noexcept { return fd_ >= 0; }
    int release() noexcept;
    void reset(int fd = -1) noexcept;

  private:
    int fd_ = -1;
};

struct SpawnOptions {
    /// argv[0] is the program's absolute path.
    std::vector<std::string> argv;
    /// The whole environment of the child, "NAME=value" each; nothing is inherited.
    std::vector<std::string> env;
    /// Its working folder; empty keeps the parent's.
    std::filesystem::path cwd;
};

class ChildProcess {
  public:
    /// Starts the program with stdin and stdout on pipes and stderr shared with the server.
    /// Throws Error(Io) if it cannot be started.
    static ChildProcess spawn(const SpawnOptions& options);

    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&&) = delete;
    ChildProcess(const ChildProcess&) = delete;
    ~ChildProcess();

    int stdin_fd() const { return stdin_.get(); }
    int stdout_fd() const { return stdout_.get(); }
    void close_stdin() { stdin_.reset(); }
    void close_stdout() { stdout_.reset(); }
    /// Waits for the child; its exit code, or 128 + signal.
    int wait();

  private:
    ChildProcess() = default;
    pid_t pid_ = -1;
    UniqueFd stdin_;
    UniqueFd stdout_;
};

}  // namespace lectern::server
