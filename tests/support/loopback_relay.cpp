#include "support/loopback_relay.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace lectern::test {

namespace {

// The time slice of a throttle: each slice passes at most rate / kSlicesPerSecond bytes.
constexpr int kSlicesPerSecond = 20;
constexpr std::size_t kBufferSize = 64 * 1024;

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool readable(const pollfd& end) {
    return (end.revents & (POLLIN | POLLHUP | POLLERR)) != 0;
}

}  // namespace

int port_of(const std::string& url) {
    const auto colon = url.rfind(':');
    if (colon == std::string::npos) throw std::invalid_argument("no port in " + url);
    return std::stoi(url.substr(colon + 1));
}

LoopbackRelay::LoopbackRelay(int target_port, Options options)
    : target_port_(target_port), options_(options) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    if (listener_ < 0 ||
        ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 16) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (listener_ >= 0) ::close(listener_);
        throw std::runtime_error("the relay cannot listen on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

LoopbackRelay::~LoopbackRelay() {
    stopping_ = true;
    acceptor_.join();
    std::lock_guard lock(mutex_);
    for (auto& c : connections_) c.join();
    ::close(listener_);
}

std::string LoopbackRelay::received() const {
    std::unique_lock lock(mutex_);
    closed_.wait_for(lock, std::chrono::seconds(10), [this] { return open_connections_ == 0; });
    return received_;
}

void LoopbackRelay::clear() {
    std::lock_guard lock(mutex_);
    received_.clear();
}

void LoopbackRelay::accept_loop() {
    while (!stopping_) {
        pollfd ready{listener_, POLLIN, 0};
        if (::poll(&ready, 1, 100) <= 0) continue;
        const int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0) continue;
        std::lock_guard lock(mutex_);
        ++open_connections_;
        connections_.emplace_back([this, client] { relay(client); });
    }
}

void LoopbackRelay::relay(int client) {
    const int server = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in target = loopback(target_port_);
    std::string from_server;
    if (server >= 0 &&
        ::connect(server, reinterpret_cast<const sockaddr*>(&target), sizeof target) == 0) {
        const std::size_t rate = options_.bytes_per_second;
        const std::size_t down =
            rate == 0 ? kBufferSize : std::max<std::size_t>(1, rate / kSlicesPerSecond);
        std::vector<char> buffer(std::max(down, kBufferSize));
        // Until either side closes, or the test ends; each poll waits at most 100 ms.
        for (bool open = true; open && !stopping_;) {
            pollfd ends[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
            if (::poll(ends, 2, 100) <= 0) continue;
            if (readable(ends[0])) {
                const ssize_t n = ::recv(client, buffer.data(), buffer.size(), 0);
                open = n > 0 && write_all(server, buffer.data(), static_cast<std::size_t>(n));
            }
            if (open && readable(ends[1])) {
                const ssize_t n = ::recv(server, buffer.data(), down, 0);
                open = n > 0 && write_all(client, buffer.data(), static_cast<std::size_t>(n));
                if (n > 0) {
                    bytes_down_ += static_cast<std::size_t>(n);
                    if (options_.record)
                        from_server.append(buffer.data(), static_cast<std::size_t>(n));
                }
                if (rate != 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1000 / kSlicesPerSecond));
            }
        }
    }
    if (server >= 0) ::close(server);
    ::close(client);
    std::lock_guard lock(mutex_);
    received_ += from_server;
    --open_connections_;
    closed_.notify_all();
}

}  // namespace lectern::test
