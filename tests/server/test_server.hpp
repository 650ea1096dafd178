#pragma once
// The real lectern-server, started once per test process on 127.0.0.1 with a temporary state
// folder: spaces alpha and beta, a user of each role in each ("alpha-agent"…), each with a live
// token, and in alpha a user whose token is revoked and one whose token has expired.

#include <filesystem>
#include <map>
#include <string>

namespace lectern::test {

struct Account {
    std::string user;
    std::string token;
};

/// What a shell command printed (stdout and stderr) and how it ended.
struct CommandResult {
    int exit_code = -1;
    std::string output;
};

class TestServer {
  public:
    /// The server of this process, started on first use and stopped at exit.
    static TestServer& get();

    const std::string& url() const { return url_; }
    const std::filesystem::path& state_dir() const { return state_; }
    const std::filesystem::path& scratch() const { return scratch_; }
    /// "http://127.0.0.1:PORT/<space>/<repo>.git"
    std::string repo_url(const std::string& space, const std::string& repo = "content") const;
    /// The account named `user` ("alpha-trainer", "alpha-revoked", "alpha-expired").
    const Account& account(const std::string& user) const { return accounts_.at(user); }

    /// A new empty folder under the scratch folder.
    std::filesystem::path fresh_dir(const std::string& hint) const;

    /// Runs `command` with sh in `cwd`; output is stdout and stderr together.
    static CommandResult sh(const std::string& command, const std::filesystem::path& cwd = {});
    /// Runs `git ARGS` in `cwd` as `who` (credentials through a helper, never a prompt); an
    /// empty user sends no credentials.
    CommandResult git(const std::string& args, const std::filesystem::path& cwd,
                      const std::string& who) const;

    /// Pushes a commit with the files of `source` (a folder) to `space`'s content as the
    /// trainer, the way a trainer would. Fails the test on error.
    void publish(const std::string& space, const std::filesystem::path& source) const;

    ~TestServer();

  private:
    TestServer();
    void add_accounts();
    void start();

    std::filesystem::path scratch_;
    std::filesystem::path state_;
    std::string url_;
    int pid_ = -1;
    std::map<std::string, Account> accounts_;
};

/// The sample content of the repository (a valid space).
std::filesystem::path sample_content();

}  // namespace lectern::test
