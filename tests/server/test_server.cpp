#include "test_server.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>

#include "auth/policy.hpp"
#include "process/child_process.hpp"
#include "state_dir.hpp"
#include "store/store.hpp"

namespace lectern::test {

namespace fs = std::filesystem;
using server::Role;

namespace {

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

}  // namespace

fs::path sample_content() {
    return LECTERN_SAMPLE_CONTENT;
}

TestServer& TestServer::get() {
    static TestServer server;
    return server;
}

TestServer::TestServer() {
    std::random_device rd;
    scratch_ = fs::temp_directory_path() / ("lectern-server-test-" + std::to_string(rd()));
    state_ = scratch_ / "state";
    fs::create_directories(scratch_ / "home");
    // git and git-lfs read only what this test gives them.
    ::setenv("HOME", (scratch_ / "home").c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (scratch_ / "home" / ".config").c_str(), 1);
    ::setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    ::setenv("GIT_TERMINAL_PROMPT", "0", 1);
    ::unsetenv("GIT_ASKPASS");
    ::unsetenv("SSH_ASKPASS");
    write_file(scratch_ / "home" / ".gitconfig",
               "[user]\n\tname = Test Trainer\n\temail = trainer@example.org\n"
               "[init]\n\tdefaultBranch = main\n"
               "[filter \"lfs\"]\n\tclean = git-lfs clean -- %f\n\tsmudge = git-lfs smudge -- %f\n"
               "\tprocess = git-lfs filter-process\n\trequired = true\n");
    add_accounts();
    start();
}

TestServer::~TestServer() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    std::error_code ec;
    fs::remove_all(scratch_, ec);
}

void TestServer::add_accounts() {
    server::StateDir state(state_);
    state.create();
    server::Store store(state.database());
    for (const std::string space : {"alpha", "beta"}) {
        store.add_space(space);
        state.create_space(space);
        for (Role role : server::kAllRoles) {
            const std::string user = space + "-" + std::string(server::to_string(role));
            store.add_user(user, "password-of-" + user);
            store.set_member(user, space, role);
            accounts_[user] = {user,
                               store.create_token(user, "test", server::unix_now() + 3600).secret};
        }
    }
    // Trainers, so that a refusal can only come from the token, never from the role.
    for (const std::string user : {"alpha-revoked", "alpha-expired"}) {
        store.add_user(user, "password-of-" + user);
        store.set_member(user, "alpha", Role::Trainer);
    }
    const auto revoked = store.create_token("alpha-revoked", "test", server::unix_now() + 3600);
    store.revoke_token(revoked.id);
    accounts_["alpha-revoked"] = {"alpha-revoked", revoked.secret};
    accounts_["alpha-expired"] = {
        "alpha-expired",
        store.create_token("alpha-expired", "test", server::unix_now() - 60).secret};
}

void TestServer::start() {
    const fs::path config = scratch_ / "server.toml";
    write_file(config, "[http]\nthreads = 8\naccess_log = \"" + (scratch_ / "access.log").string() +
                           "\"\n[auth]\nthrottle_failures_per_account = "
                           "100000\nthrottle_failures_per_address = 100000\n");
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        ::execl(LECTERN_SERVER_BIN, LECTERN_SERVER_BIN, "--config", config.c_str(), "--state",
                state_.c_str(), "--listen", "127.0.0.1:0", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    // The server prints "lectern-server listening on URL" once it accepts connections.
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    const auto at = line.find("http://");
    if (at == std::string::npos) throw std::runtime_error("lectern-server did not start: " + line);
    url_ = line.substr(at);
}

std::string TestServer::repo_url(const std::string& space, const std::string& repo) const {
    return url_ + "/" + space + "/" + repo + ".git";
}

fs::path TestServer::fresh_dir(const std::string& hint) const {
    static int counter = 0;
    const fs::path dir = scratch_ / "work" / (hint + "-" + std::to_string(++counter));
    fs::create_directories(dir);
    return dir;
}

CommandResult TestServer::sh(const std::string& command, const fs::path& cwd) {
    const std::string full =
        (cwd.empty() ? "" : "cd " + quote(cwd.string()) + " && ") + "(" + command + ") 2>&1";
    CommandResult r;
    std::FILE* p = ::popen(full.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
    const int status = ::pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

CommandResult TestServer::git(const std::string& args, const fs::path& cwd,
                              const std::string& who) const {
    std::string helper = "";
    if (!who.empty()) {
        const Account& a = accounts_.at(who);
        const fs::path script = scratch_ / "credentials" / (who + ".sh");
        if (!fs::exists(script)) {
            write_file(script, "#!/bin/sh\ntest \"$1\" = get || exit 0\necho username=" + a.user +
                                   "\necho password=" + a.token + "\n");
            fs::permissions(script, fs::perms::owner_all);
        }
        helper = script.string();
    }
    // The empty helper first clears any other; then ours (or none).
    std::string cmd = "git -c credential.helper= ";
    if (!helper.empty()) cmd += "-c credential.helper=" + quote(helper) + " ";
    return sh(cmd + args, cwd);
}

void TestServer::publish(const std::string& space, const fs::path& source) const {
    const std::string trainer = space + "-trainer";
    const fs::path work = fresh_dir("publish");
    auto r = git("clone -q " + quote(repo_url(space)) + " wc", work, trainer);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const fs::path wc = work / "wc";
    r = sh("cp -R " + quote(source.string()) + "/. . && git add -A && git commit -qm publish", wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = git("push -q origin HEAD:main", wc, trainer);
    ASSERT_EQ(r.exit_code, 0) << r.output;
}

}  // namespace lectern::test
