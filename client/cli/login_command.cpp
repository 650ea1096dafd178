// lectern login URL [--user U] [--password-fd N]

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "common/error.hpp"
#include "sync/client_config.hpp"
#include "sync/sign_in.hpp"

namespace lectern::cli {

namespace {

struct LoginOptions {
    std::string server;
    std::string user;
    int password_fd = -1;
};

// One line from a file descriptor, without its line end.
std::string read_line_from_fd(int fd) {
    std::string line;
    char c;
    while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// Asks on the terminal itself (not stdin, which a script may have redirected); with echo
// off for a password.
std::string ask(const std::string& prompt, bool secret) {
    std::FILE* tty = std::fopen("/dev/tty", "r+");
    if (!tty) {
        throw Error(ErrorKind::InvalidArgument,
                    "no terminal to ask on: give --user and --password-fd N");
    }
    std::fputs(prompt.c_str(), tty);
    std::fflush(tty);
    const int fd = ::fileno(tty);
    termios saved{};
    const bool hide = secret && ::tcgetattr(fd, &saved) == 0;
    if (hide) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    const std::string answer = read_line_from_fd(fd);
    if (hide) {
        ::tcsetattr(fd, TCSAFLUSH, &saved);
        std::fputs("\n", tty);
    }
    std::fclose(tty);
    return answer;
}

int run(const LoginOptions& opts) {
    const std::string server = sync::normalise_server_url(opts.server);
    const std::string user =
        opts.user.empty() ? ask("User name for " + server + ": ", false) : opts.user;
    const std::string password = opts.password_fd >= 0 ? read_line_from_fd(opts.password_fd)
                                                       : ask("Password for " + user + ": ", true);
    if (user.empty() || password.empty()) {
        std::cerr << "lectern: a user name and a password are needed to log in\n";
        return kFailure;
    }
    const auto signed_in = sync::sign_in({server, user, password, "lectern"});
    if (signed_in.failure) {
        std::cerr << "lectern: " << signed_in.failure->message << '\n';
        return kFailure;
    }
    const auto& config = signed_in.config;
    std::cout << "Logged in to " << server << " as " << config.user << " (device " << config.device
              << "); the token is saved in " << sync::client_config_path().string() << ".\n";
    if (signed_in.spaces_failure) {
        std::cout << "Your spaces could not be listed: " << signed_in.spaces_failure->message
                  << '\n';
    } else if (signed_in.spaces.empty()) {
        std::cout << "You are not a member of any space yet: ask an admin to add you.\n";
    } else {
        std::cout << "Your spaces:";
        for (const auto& space : signed_in.spaces)
            std::cout << ' ' << space.space << " (" << space.role << ')';
        std::cout << "\nNext: lectern sync " << signed_in.spaces.front().space << '\n';
    }
    return kOk;
}

}  // namespace

void add_login_command(CLI::App& app, int& exit_code) {
    auto opts = std::make_shared<LoginOptions>();
    CLI::App* cmd = app.add_subcommand(
        "login",
        "Log in to a sync server: creates a personal access token with your password and saves "
        "it (never the password) in $XDG_CONFIG_HOME/lectern/client.toml, readable by you only.");
    cmd->add_option("URL", opts->server, "The server, e.g. http://127.0.0.1:8080")->required();
    cmd->add_option("--user", opts->user, "User name; asked on the terminal when not given");
    cmd->add_option("--password-fd", opts->password_fd,
                    "Read the password from this file descriptor (one line) instead of asking "
                    "on the terminal; for scripts")
        ->check(CLI::NonNegativeNumber);
    cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace lectern::cli
