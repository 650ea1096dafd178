#pragma once
// What the sync tests share: a fresh space with its own accounts on the real test server, git
// run as one of them, and a client home (XDG folders) of its own per test.

#include <filesystem>
#include <string>

#include "test_server.hpp"

namespace lectern::test {

/// A space created for one test, with an agent and a trainer who are members of it.
struct TestSpace {
    std::string name;
    Account agent;
    Account trainer;
    /// Someone with a live token who is a member of another space only.
    Account outsider;
};

/// A new space on the process's test server (empty content.git and ledger.git).
TestSpace create_space(const std::string& hint);

/// Runs `git ARGS` in `cwd` with `who`'s user and token (never a prompt).
CommandResult git_as(const Account& who, const std::string& args, const std::filesystem::path& cwd);

/// A trainer's working copy of the space's content (cloned with stock git).
std::filesystem::path trainer_clone(const TestSpace& space);

/// Commits everything in `wc` and pushes it to main as the space's trainer. Fails the test on
/// error.
void commit_and_push(const TestSpace& space, const std::filesystem::path& wc,
                     const std::string& message);

/// Writes a file (creating its folders).
void write_file(const std::filesystem::path& file, const std::string& bytes);
std::string read_file(const std::filesystem::path& file);

/// Points XDG_DATA_HOME and XDG_CONFIG_HOME at new empty folders, so that each test has a
/// client of its own. Returns the folder holding both.
std::filesystem::path fresh_client_home();

/// A valid procedure document.
std::string procedure(const std::string& id, const std::string& title, const std::string& body);

/// Writes a small valid space into `folder`: lectern.yaml and two procedures. (The server
/// lints every push; the whole sample content would cost a second per push under ASan.)
void write_small_space(const std::filesystem::path& folder);

/// A TCP port on 127.0.0.1 on which nothing listens (bound, then released).
int unused_port();

/// Runs the `lectern` CLI with these (already quoted) arguments.
CommandResult lectern(const std::string& args);

/// A second lectern-server on the test server's state folder, which a test may stop: the
/// client then finds no server at its address, as when the server is down.
class StoppableServer {
  public:
    StoppableServer();
    ~StoppableServer();
    StoppableServer(const StoppableServer&) = delete;
    StoppableServer& operator=(const StoppableServer&) = delete;
    const std::string& url() const { return url_; }
    void stop();

  private:
    int pid_ = -1;
    std::string url_;
};

/// Shell-quotes a string.
std::string quote(const std::string& s);

}  // namespace lectern::test
