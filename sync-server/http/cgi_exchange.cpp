#include "http/cgi_exchange.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <httplib.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <sstream>

#include "common/error.hpp"
#include "common/log.hpp"

namespace lectern::server {

namespace {

constexpr int kIdleTimeoutMs = 120'000;  // a child silent this long is stuck
constexpr std::size_t kChunk = 64 * 1024;

/// The child and what it has written that is not sent yet.
struct Exchange {
    explicit Exchange(ChildProcess c) : child(std::move(c)) {}
    ChildProcess child;
    std::string pending;
    bool stdout_closed = false;
};

void set_nonblocking(int fd) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

/// Reads what is available from the child's stdout into `pending`. False on EOF.
bool drain_stdout(Exchange& ex) {
    std::array<char, kChunk> buf;
    for (;;) {
        const ssize_t n = ::read(ex.child.stdout_fd(), buf.data(), buf.size());
        if (n > 0) {
            ex.pending.append(buf.data(), static_cast<std::size_t>(n));
            if (static_cast<std::size_t>(n) < buf.size()) return true;
            continue;
        }
        if (n == 0) {
            ex.stdout_closed = true;
            return false;
        }
        if (errno == EINTR) continue;
        if (errno == EAGAIN) return true;
        ex.stdout_closed = true;
        return false;
    }
}

/// Waits until stdout has data (or EOF). False on timeout.
bool wait_readable(int fd) {
    pollfd p{fd, POLLIN, 0};
    for (;;) {
        const int rc = ::poll(&p, 1, kIdleTimeoutMs);
        if (rc > 0) return true;
        if (rc == 0) return false;
        if (errno != EINTR) return false;
    }
}

/// Writes the whole chunk to the child's stdin, reading its stdout meanwhile so that neither
/// side can block the other. False if the child stopped reading.
bool feed(Exchange& ex, const char* data, std::size_t len) {
    while (len > 0) {
        pollfd fds[2] = {{ex.child.stdin_fd(), POLLOUT, 0},
                         {ex.stdout_closed ? -1 : ex.child.stdout_fd(), POLLIN, 0}};
        const int rc = ::poll(fds, 2, kIdleTimeoutMs);
        if (rc == 0) return false;
        if (rc < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (fds[1].revents & (POLLIN | POLLHUP)) drain_stdout(ex);
        if (fds[0].revents & (POLLERR | POLLHUP)) return false;
        if (fds[0].revents & POLLOUT) {
            const ssize_t n = ::write(ex.child.stdin_fd(), data, len);
            if (n < 0) {
                if (errno == EAGAIN || errno == EINTR) continue;
                return false;  // EPIPE: the child has exited or closed its input
            }
            data += n;
            len -= static_cast<std::size_t>(n);
        }
    }
    return true;
}

/// Reads until the blank line that ends the CGI headers; returns the header block and leaves
/// the start of the body in `pending`.
std::string read_header_block(Exchange& ex) {
    for (;;) {
        for (const std::string_view end : {"\r\n\r\n", "\n\n"}) {
            const auto pos = ex.pending.find(end);
            if (pos != std::string::npos) {
                std::string head = ex.pending.substr(0, pos);
                ex.pending.erase(0, pos + end.size());
                return head;
            }
        }
        if (ex.stdout_closed || !wait_readable(ex.child.stdout_fd())) {
            throw Error(ErrorKind::Io, "git http-backend ended without a response");
        }
        drain_stdout(ex);
    }
}

/// Applies "Name: value" CGI headers to the response; returns the content type.
std::string apply_headers(const std::string& block, httplib::Response& res) {
    std::istringstream lines(block);
    std::string line;
    std::string content_type = "application/octet-stream";
    res.status = 200;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string name = line.substr(0, colon);
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        if (strcasecmp(name.c_str(), "Status") == 0) {
            res.status = std::atoi(value.c_str());
        } else if (strcasecmp(name.c_str(), "Content-Type") == 0) {
            content_type = value;
        } else if (strcasecmp(name.c_str(), "Content-Length") != 0) {
            res.set_header(name, value);  // the body is sent chunked: its length is dropped
        }
    }
    return content_type;
}

}  // namespace

void run_cgi(const SpawnOptions& program, const httplib::ContentReader* body,
             httplib::Response& res) {
    auto ex = std::make_shared<Exchange>(ChildProcess::spawn(program));
    set_nonblocking(ex->child.stdin_fd());
    set_nonblocking(ex->child.stdout_fd());
    if (body) {
        bool fed = true;
        (*body)([&](const char* data, std::size_t len) {
            fed = feed(*ex, data, len);
            return fed;
        });
        if (!fed) log::warning(log::kServer, "git http-backend stopped reading the request body");
    }
    ex->child.close_stdin();

    const std::string head = read_header_block(*ex);
    const std::string content_type = apply_headers(head, res);
    res.set_chunked_content_provider(
        content_type,
        [ex](std::size_t, httplib::DataSink& sink) {
            if (ex->pending.empty() && !ex->stdout_closed) {
                if (!wait_readable(ex->child.stdout_fd())) return false;
                drain_stdout(*ex);
            }
            if (!ex->pending.empty()) {
                if (!sink.write(ex->pending.data(), ex->pending.size())) return false;
                ex->pending.clear();
            }
            if (ex->stdout_closed) sink.done();
            return true;
        },
        [ex](bool) {
            ex->child.close_stdout();
            const int code = ex->child.wait();
            if (code != 0)
                log::warning(log::kServer, "git http-backend exited with " + std::to_string(code));
        });
}

}  // namespace lectern::server
