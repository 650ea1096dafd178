#include "sync_test_support.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "auth/policy.hpp"
#include "state_dir.hpp"
#include "store/store.hpp"

namespace lectern::test {

namespace fs = std::filesystem;

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

TestSpace create_space(const std::string& hint) {
    static int counter = 0;
    TestServer& s = TestServer::get();
    TestSpace space;
    space.name = hint + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
    server::StateDir state(s.state_dir());
    server::Store store(state.database());
    store.add_space(space.name);
    state.create_space(space.name);
    const auto add = [&](const std::string& role_name, server::Role role, const std::string& in) {
        const std::string user = space.name + "-" + role_name;
        store.add_user(user, "password-of-" + user);
        store.set_member(user, in, role);
        return Account{user, store.create_token(user, "test", server::unix_now() + 3600).secret};
    };
    space.agent = add("agent", server::Role::Agent, space.name);
    space.trainer = add("trainer", server::Role::Trainer, space.name);
    space.outsider = add("outsider", server::Role::Agent, "beta");
    return space;
}

CommandResult git_as(const Account& who, const std::string& args, const fs::path& cwd) {
    const fs::path script = TestServer::get().scratch() / "credentials" / (who.user + ".sh");
    if (!fs::exists(script)) {
        write_file(script, "#!/bin/sh\ntest \"$1\" = get || exit 0\necho username=" + who.user +
                               "\necho password=" + who.token + "\n");
        fs::permissions(script, fs::perms::owner_all);
    }
    return TestServer::sh(
        "git -c credential.helper= -c credential.helper=" + quote(script.string()) + " " + args,
        cwd);
}

fs::path trainer_clone(const TestSpace& space) {
    TestServer& s = TestServer::get();
    const fs::path work = s.fresh_dir("trainer");
    const auto r = git_as(space.trainer, "clone -q " + s.repo_url(space.name) + " wc", work);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return work / "wc";
}

void commit_and_push(const TestSpace& space, const fs::path& wc, const std::string& message) {
    auto r = TestServer::sh("git add -A && git commit -qm " + quote(message), wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = git_as(space.trainer, "push -q origin HEAD:main", wc);
    ASSERT_EQ(r.exit_code, 0) << r.output;
}

void write_file(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

namespace {

// Client homes live in a folder of their own, removed at exit, so that tests of the client's
// files alone do not start the server.
struct ClientHomes {
    fs::path root =
        fs::temp_directory_path() / ("lectern-sync-clients-" + std::to_string(::getpid()));
    int count = 0;
    ~ClientHomes() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
};

}  // namespace

fs::path fresh_client_home() {
    static ClientHomes homes;
    const fs::path home = homes.root / ("client-" + std::to_string(++homes.count));
    fs::create_directories(home / "data");
    fs::create_directories(home / "config");
    ::setenv("XDG_DATA_HOME", (home / "data").c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (home / "config").c_str(), 1);
    ::unsetenv("LECTERN_INDEX_DIR");
    return home;
}

std::string procedure(const std::string& id, const std::string& title, const std::string& body) {
    return "---\nid: " + id + "\ntype: procedure\ntitle: " + title +
           "\nlang: en\nowner: anna.berg\nupdated: 2026-01-01\nreview_by: 2030-01-01\n"
           "signoff: required\n---\n\n" +
           body + "\n";
}

void write_small_space(const fs::path& folder) {
    write_file(folder / "lectern.yaml", "title: Test space\nlanguages: [en]\n");
    write_file(folder / "procedures" / "screen-lock.md",
               procedure("screen-lock", "Screen lock", "Press Win+L when you leave the desk."));
    write_file(folder / "procedures" / "power-cut.md",
               procedure("power-cut", "Power cut", "Call the team lead from your phone."));
}

CommandResult lectern(const std::string& args) {
    return TestServer::sh(quote(LECTERN_CLI_BIN) + " " + args);
}

StoppableServer::StoppableServer() {
    TestServer& s = TestServer::get();
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        const std::string config = (s.scratch() / "server.toml").string();
        ::execl(LECTERN_SERVER_BIN, LECTERN_SERVER_BIN, "--config", config.c_str(), "--state",
                s.state_dir().c_str(), "--listen", "127.0.0.1:0", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    const auto at = line.find("http://");
    if (at == std::string::npos) throw std::runtime_error("lectern-server did not start: " + line);
    url_ = line.substr(at);
}

StoppableServer::~StoppableServer() {
    stop();
}

void StoppableServer::stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
}

int unused_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

}  // namespace lectern::test
