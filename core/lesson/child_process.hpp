#pragma once
// Running ffmpeg and ffprobe (internal to core/lesson): a child process that reads what we
// write to its standard input, or whose standard output we read, with its error output kept
// for the message when it fails.

#include <filesystem>
#include <string>
#include <vector>

namespace lectern::lesson {

class ChildProcess {
  public:
    /// Which end of the child this process talks to.
    enum class Stream {
        Input,   ///< its standard input, through write(); its output goes to /dev/null
        Output,  ///< its standard output, through read_exactly(); its input is /dev/null
    };

    /// Starts `argv[0]` (looked up in PATH) with `stream` connected to this process and its
    /// standard error to a temporary file. Throws Error(NotFound) when the program is not
    /// installed, naming the Debian package `package`.
    ChildProcess(const std::vector<std::string>& argv, const std::string& package,
                 Stream stream = Stream::Input);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// Writes all bytes; false when the child stopped reading (it exited).
    bool write(const void* data, std::size_t size);
    /// Reads exactly `size` bytes of its output; false when it ended before (a partial
    /// read at the end counts as the end).
    bool read_exactly(void* data, std::size_t size);
    /// Moves `size` bytes of this child's output into `to`'s input without copying them
    /// through this process (splice). False when this child's output ended first or `to`
    /// stopped reading.
    bool pass_to(ChildProcess& to, std::size_t size);
    /// Closes our end of its stream and waits; returns the exit status (128+N for signal N).
    int finish();
    /// Stops the child at once and waits for it.
    void kill();
    /// The last lines the child wrote to its standard error.
    std::string error_output() const;

  private:
    int pid_ = -1;
    int fd_ = -1;  // our end of its standard input or output
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
