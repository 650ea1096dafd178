// Many HTTP/1.1 keep-alive connections at once, each posting the same request again as soon
// as its answer is complete: the latency of every request. One thread drives every connection
// with poll(), so the load generator itself stays small next to the server on a small machine.
// Used for the LFS batch endpoint by bench/sync_bench.py. The token comes from
// LECTERN_BENCH_TOKEN. Not a test.
//
//   lectern_http_load --port PORT --path PATH --body-file FILE --content-type TYPE --user USER
//                     --connections N --requests PER_CONNECTION
// prints: requests=… errors=… p50_ms=… p99_ms=… max_ms=… rps=…

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Connection {
    int fd = -1;
    std::size_t sent = 0;
    std::string received;
    int done = 0;
    Clock::time_point started;
};

int connect_to(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  // as git-lfs and curl do
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

/// The length of a complete response at the start of `r` (headers + Content-Length), or 0.
std::size_t complete_length(const std::string& r, int& status) {
    const auto end = r.find("\r\n\r\n");
    if (end == std::string::npos) return 0;
    status = std::atoi(r.c_str() + r.find(' ') + 1);
    std::string head = r.substr(0, end);
    std::transform(head.begin(), head.end(), head.begin(), ::tolower);
    const auto cl = head.find("content-length:");
    const std::size_t body =
        cl == std::string::npos ? 0 : std::strtoull(head.c_str() + cl + 15, nullptr, 10);
    return r.size() >= end + 4 + body ? end + 4 + body : 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> opt;
    for (int i = 1; i + 1 < argc; i += 2) opt[argv[i]] = argv[i + 1];
    for (const char* required : {"--port", "--path", "--body-file", "--user"}) {
        if (!opt.count(required)) {
            std::cerr << "missing " << required << " (see the top of bench/http_load.cpp)\n";
            return 2;
        }
    }
    std::ifstream in(opt["--body-file"], std::ios::binary);
    std::stringstream body;
    body << in.rdbuf();
    const int port = std::stoi(opt["--port"]);
    const int connections = std::stoi(opt.count("--connections") ? opt["--connections"] : "10");
    const int per_connection = std::stoi(opt.count("--requests") ? opt["--requests"] : "10");
    const char* token = std::getenv("LECTERN_BENCH_TOKEN");
    const std::string credentials = opt["--user"] + ":" + (token ? token : "");
    std::string basic(sodium_base64_ENCODED_LEN(credentials.size(), sodium_base64_VARIANT_ORIGINAL),
                      '\0');
    sodium_bin2base64(basic.data(), basic.size(),
                      reinterpret_cast<const unsigned char*>(credentials.data()),
                      credentials.size(), sodium_base64_VARIANT_ORIGINAL);
    basic.resize(std::strlen(basic.c_str()));
    const std::string request =
        "POST " + opt["--path"] + " HTTP/1.1\r\nHost: 127.0.0.1:" + opt["--port"] +
        "\r\nAuthorization: Basic " + basic + "\r\nContent-Type: " +
        (opt.count("--content-type") ? opt["--content-type"] : "application/octet-stream") +
        "\r\nContent-Length: " + std::to_string(body.str().size()) + "\r\n\r\n" + body.str();

    std::vector<Connection> conns(static_cast<std::size_t>(connections));
    std::vector<double> latencies;
    int errors = 0;
    const auto t0 = Clock::now();
    for (auto& c : conns) {
        c.fd = connect_to(port);
        if (c.fd < 0) ++errors;
        c.started = Clock::now();
    }
    for (;;) {
        std::vector<pollfd> fds;
        std::vector<Connection*> owners;
        for (auto& c : conns) {
            if (c.fd < 0 || c.done >= per_connection) continue;
            fds.push_back(
                {c.fd, static_cast<short>(c.sent < request.size() ? POLLOUT : POLLIN), 0});
            owners.push_back(&c);
        }
        if (fds.empty()) break;
        if (::poll(fds.data(), fds.size(), 60'000) <= 0) {
            std::cerr << "no progress in 60 s\n";
            return 1;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            Connection& c = *owners[i];
            if (fds[i].revents & POLLOUT) {
                const ssize_t n =
                    ::send(c.fd, request.data() + c.sent, request.size() - c.sent, MSG_NOSIGNAL);
                if (n > 0) c.sent += static_cast<std::size_t>(n);
            } else if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                char buf[65536];
                const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
                if (n <= 0) {  // the server closed: count it, and go on with a new connection
                    ++errors;
                    ++c.done;
                    ::close(c.fd);
                    c.fd = connect_to(port);
                    c.sent = 0;
                    c.received.clear();
                    c.started = Clock::now();
                    continue;
                }
                c.received.append(buf, static_cast<std::size_t>(n));
                int status = 0;
                if (const std::size_t len = complete_length(c.received, status)) {
                    latencies.push_back(
                        std::chrono::duration<double, std::milli>(Clock::now() - c.started)
                            .count());
                    if (status != 200) ++errors;
                    c.received.erase(0, len);
                    c.sent = 0;
                    ++c.done;
                    c.started = Clock::now();
                }
            }
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    for (auto& c : conns)
        if (c.fd >= 0) ::close(c.fd);
    if (latencies.empty()) {
        std::cout << "requests=0 errors=" << errors << " p50_ms=0 p99_ms=0 max_ms=0 rps=0\n";
        return 1;
    }
    std::sort(latencies.begin(), latencies.end());
    auto at = [&](double p) {
        const auto k =
            static_cast<std::size_t>(std::ceil(p * static_cast<double>(latencies.size())));
        return latencies[std::min(latencies.size() - 1, k == 0 ? 0 : k - 1)];
    };
    std::cout << "requests=" << latencies.size() << " errors=" << errors << " p50_ms=" << at(0.5)
              << " p99_ms=" << at(0.99) << " max_ms=" << latencies.back()
              << " rps=" << static_cast<double>(latencies.size()) / seconds << '\n';
    return errors == 0 ? 0 : 1;
}
