#include "support/throttled_proxy.hpp"

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

// The time slice of the throttle: each slice passes at most rate / kSlicesPerSecond bytes.
constexpr int kSlicesPerSecond = 20;

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

}  // namespace

int port_of(const std::string& url) {
    const auto colon = url.rfind(':');
    if (colon == std::string::npos) throw std::invalid_argument("no port in " + url);
    return std::stoi(url.substr(colon + 1));
}

ThrottledProxy::ThrottledProxy(int target_port, std::size_t bytes_per_second)
    : target_port_(target_port), bytes_per_second_(bytes_per_second) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    if (listener_ < 0 ||
        ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 16) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (listener_ >= 0) ::close(listener_);
        throw std::runtime_error("the throttled proxy cannot listen on 127.0.0.1");
    }
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

ThrottledProxy::~ThrottledProxy() {
    stopping_ = true;
    acceptor_.join();
    std::lock_guard lock(mutex_);
    for (auto& c : connections_) c.join();
    ::close(listener_);
}

void ThrottledProxy::accept_loop() {
    while (!stopping_) {
        pollfd ready{listener_, POLLIN, 0};
        if (::poll(&ready, 1, 100) <= 0) continue;
        const int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0) continue;
        std::lock_guard lock(mutex_);
        connections_.emplace_back([this, client] { pump(client); });
    }
}

void ThrottledProxy::pump(int client) {
    const int server = ::socket(AF_INET, SOCK_STREAM, 0);
    const sockaddr_in target = loopback(target_port_);
    if (server < 0 ||
        ::connect(server, reinterpret_cast<const sockaddr*>(&target), sizeof target) != 0) {
        if (server >= 0) ::close(server);
        ::close(client);
        return;
    }
    const std::size_t slice = std::max<std::size_t>(1, bytes_per_second_ / kSlicesPerSecond);
    std::vector<char> buffer(std::max<std::size_t>(slice, 64 * 1024));
    bool open = true;
    while (open && !stopping_) {
        pollfd ends[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
        if (::poll(ends, 2, 100) <= 0) continue;
        if (ends[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::recv(client, buffer.data(), buffer.size(), 0);
            open = n > 0 && write_all(server, buffer.data(), static_cast<std::size_t>(n));
        }
        if (open && (ends[1].revents & (POLLIN | POLLHUP | POLLERR))) {
            const ssize_t n = ::recv(server, buffer.data(), slice, 0);
            open = n > 0 && write_all(client, buffer.data(), static_cast<std::size_t>(n));
            if (n > 0) bytes_down_ += static_cast<std::size_t>(n);
            std::this_thread::sleep_for(std::chrono::milliseconds(1000 / kSlicesPerSecond));
        }
    }
    ::close(server);
    ::close(client);
}

}  // namespace lectern::test
