#include "http/cgi_exchange.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <httplib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <sstream>

#include "common/error.hpp"
#include "common/log.hpp"

namespace lectern::server {

namespace {

constexpr int kIdleTimeoutMs = 120'000;  // a child silent this long is stuck
constexpr std::size_t kChunk = 64 * 1024;
/// Output read ahead of the client at most; the child waits on its pipe beyond that.
constexpr std::size_t kMaxPending = 1024 * 1024;

void set_nonblocking(int fd) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

bool wait_for(int fd, short events) {
    pollfd p{fd, events, 0};
    for (;;) {
        const int rc = ::poll(&p, 1, kIdleTimeoutMs);
        if (rc > 0) return true;
        if (rc == 0) return false;
        if (errno != EINTR) return false;
    }
}

}  // namespace

/// The program (absent when answering from a stored file), where its output comes from, and
/// what has been read of it but not sent yet.
class CgiExchange {
  public:
    explicit CgiExchange(ChildProcess c) : child(std::move(c)), out_fd(child->stdout_fd()) {
        set_nonblocking(child->stdin_fd());
        set_nonblocking(out_fd);
    }
    explicit CgiExchange(UniqueFd f) : file(std::move(f)), out_fd(file.get()) {}

    std::optional<ChildProcess> child;
    UniqueFd file;
    int out_fd = -1;
    std::string pending;
    bool out_closed = false;
    bool sent_all = false;
    OutputTee tee;

    /// Reads what is available into `pending`, up to kMaxPending. False on end of output.
    bool drain() {
        std::array<char, kChunk> buf;
        while (pending.size() < kMaxPending) {
            const ssize_t n = ::read(out_fd, buf.data(), buf.size());
            if (n > 0) {
                pending.append(buf.data(), static_cast<std::size_t>(n));
                if (static_cast<std::size_t>(n) < buf.size() && child) return true;
                continue;
            }
            if (n == 0) {
                out_closed = true;
                return false;
            }
            if (errno == EINTR) continue;
            if (errno == EAGAIN) return true;
            out_closed = true;
            return false;
        }
        return true;
    }

    bool feed(const char* data, std::size_t len) {
        while (len > 0) {
            // While kMaxPending is read ahead, only the child's stdin is watched: git reads its
            // request before it answers, so its output during the request stays small.
            const bool watch_out = !out_closed && pending.size() < kMaxPending;
            pollfd fds[2] = {{child->stdin_fd(), POLLOUT, 0}, {watch_out ? out_fd : -1, POLLIN, 0}};
            const int rc = ::poll(fds, 2, kIdleTimeoutMs);
            if (rc == 0) return false;
            if (rc < 0) {
                if (errno == EINTR) continue;
                return false;
            }
            if (fds[1].revents & (POLLIN | POLLHUP)) drain();
            if (fds[0].revents & (POLLERR | POLLHUP)) return false;
            if (fds[0].revents & POLLOUT) {
                const ssize_t n = ::write(child->stdin_fd(), data, len);
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

    /// Reads until the blank line that ends the CGI headers; returns the header block and
    /// leaves the start of the body in `pending`.
    std::string read_header_block() {
        for (;;) {
            std::size_t best = std::string::npos, sep = 0;
            for (const std::string_view end : {"\r\n\r\n", "\n\n"}) {
                const auto pos = pending.find(end);
                if (pos < best) best = pos, sep = end.size();
            }
            if (best != std::string::npos) {
                std::string head = pending.substr(0, best);
                if (tee.write) tee.write(std::string_view(pending).substr(0, best + sep));
                pending.erase(0, best + sep);
                return head;
            }
            if (pending.size() >= kMaxPending)
                throw Error(ErrorKind::Io, "git http-backend sent no end of its headers");
            if (out_closed || !wait_for(out_fd, POLLIN))
                throw Error(ErrorKind::Io, "git http-backend ended without a response");
            drain();
        }
    }

    /// Sends what is pending, reading more when there is none.
    bool provide(httplib::DataSink& sink) {
        if (pending.empty() && !out_closed) {
            if (!wait_for(out_fd, POLLIN)) return false;
            drain();
        }
        if (!pending.empty()) {
            if (tee.write) tee.write(pending);
            if (!sink.write(pending.data(), pending.size())) return false;
            pending.clear();
        }
        if (out_closed && pending.empty()) {
            sent_all = true;
            sink.done();
        }
        return true;
    }

    /// The response is over, sent or not.
    void end() {
        bool complete = sent_all;
        if (child) {
            child->close_stdout();
            const int code = child->wait();
            if (code != 0) {
                log::warning(log::kServer, "git http-backend exited with " + std::to_string(code));
                complete = false;
            }
        }
        file.reset();
        if (tee.finish) tee.finish(complete);
        tee = {};
    }
};

namespace {

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

void stream_response(const std::shared_ptr<CgiExchange>& ex, httplib::Response& res) {
    std::string head;
    try {
        head = ex->read_header_block();
    } catch (...) {
        ex->end();
        throw;
    }
    const std::string content_type = apply_headers(head, res);
    res.set_chunked_content_provider(
        content_type, [ex](std::size_t, httplib::DataSink& sink) { return ex->provide(sink); },
        // httplib 0.11 always passes false here, whether or not all was sent: sent_all says.
        [ex](bool) { ex->end(); });
}

}  // namespace

std::shared_ptr<CgiExchange> start_cgi(const SpawnOptions& program) {
    return std::make_shared<CgiExchange>(ChildProcess::spawn(program));
}

bool feed_cgi(CgiExchange& exchange, const char* data, std::size_t len) {
    return exchange.feed(data, len);
}

void respond_from_cgi(std::shared_ptr<CgiExchange> exchange, httplib::Response& res,
                      OutputTee tee) {
    exchange->child->close_stdin();
    exchange->tee = std::move(tee);
    stream_response(exchange, res);
}

void run_cgi(const SpawnOptions& program, const RequestBody* body, httplib::Response& res) {
    auto ex = start_cgi(program);
    if (body) {
        bool fed = true;
        (*body)([&](const char* data, std::size_t len) {
            fed = ex->feed(data, len);
            return fed;
        });
        if (!fed) log::warning(log::kServer, "git http-backend stopped reading the request body");
    }
    respond_from_cgi(std::move(ex), res);
}

void respond_from_stored_cgi_output(UniqueFd file, httplib::Response& res) {
    stream_response(std::make_shared<CgiExchange>(std::move(file)), res);
}

}  // namespace lectern::server
