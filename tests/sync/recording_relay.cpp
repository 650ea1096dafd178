#include "recording_relay.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace lectern::test {

namespace {

sockaddr_in loopback(int port) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    return addr;
}

}  // namespace

RecordingRelay::RecordingRelay(int server_port) : server_port_(server_port) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = loopback(0);
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listen_fd_, 16) != 0) {
        throw std::runtime_error("the relay cannot listen on 127.0.0.1");
    }
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

RecordingRelay::~RecordingRelay() {
    stopping_ = true;
    acceptor_.join();
    ::close(listen_fd_);
    std::lock_guard lock(mutex_);
    for (auto& t : connections_) t.join();
}

std::string RecordingRelay::url() const {
    return "http://127.0.0.1:" + std::to_string(port_);
}

std::string RecordingRelay::received() const {
    std::unique_lock lock(mutex_);
    closed_.wait_for(lock, std::chrono::seconds(10), [this] { return open_connections_ == 0; });
    return received_;
}

void RecordingRelay::clear() {
    std::lock_guard lock(mutex_);
    received_.clear();
}

void RecordingRelay::accept_loop() {
    while (!stopping_) {
        pollfd p{listen_fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const int client = ::accept(listen_fd_, nullptr, nullptr);
        if (client < 0) continue;
        std::lock_guard lock(mutex_);
        ++open_connections_;
        connections_.emplace_back([this, client] { relay(client); });
    }
}

void RecordingRelay::relay(int client) {
    const int server = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = loopback(server_port_);
    std::string from_server;
    if (::connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        char buf[65536];
        // Until either side closes, or the test ends; each poll waits at most 100 ms.
        for (bool open = true; open && !stopping_;) {
            pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
            if (::poll(fds, 2, 100) <= 0) continue;
            for (int i = 0; i < 2 && open; ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
                const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
                if (n <= 0) {
                    open = false;
                    break;
                }
                if (i == 1) from_server.append(buf, static_cast<std::size_t>(n));
                const int to = i == 0 ? server : client;
                for (ssize_t sent = 0; sent < n;) {
                    const ssize_t w =
                        ::send(to, buf + sent, static_cast<std::size_t>(n - sent), MSG_NOSIGNAL);
                    if (w <= 0) {
                        open = false;
                        break;
                    }
                    sent += w;
                }
            }
        }
    }
    ::close(server);
    ::close(client);
    std::lock_guard lock(mutex_);
    received_ += from_server;
    --open_connections_;
    closed_.notify_all();
}

}  // namespace lectern::test
