#pragma once
// Running ffmpeg and ffprobe (internal to core/lesson): a child process that reads what we
// write to its standard input, with its error output kept for the message when it fails.

#include <filesystem>
#include <string>
#include <vector>

namespace lectern::lesson {

class ChildProcess {
  public:
    /// Starts `argv[0]` (looked up in PATH) with its standard input connected to write() and
    /// its standard error to a temporary file. Throws Error(NotFound) when the program is not
    /// installed, naming the Debian package `package`.
    ChildProcess(const std::vector<std::string>& argv, const std::string& package);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// Writes all bytes; false when the child stopped reading (it exited).
    bool write(const void* data, std::size_t size);
    /// Closes its standard input and waits; returns the exit status (128+N for signal N).
    int finish();
    /// Stops the child at once and waits for it.
    void kill();
    /// The last lines the child wrote to its standard error.
    std::string error_output() const;

  private:
    int pid_ = -1;
    int stdin_fd_ = -1;
    std::filesystem::path stderr_file_;
};

struct CommandOutput {
    int status = -1;
    std::string out;
};

/// Runs a command to completion and returns its standard output. Throws Error(NotFound)
/// when the program is not installed, naming the Debian package.
CommandOutput run_command(const std::vector<std::string>& argv, const std::string& package);

}  // namespace lectern::lesson
