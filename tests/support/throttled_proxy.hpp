#pragma once
// A TCP proxy on 127.0.0.1 that passes what a server sends at a set number of bytes a
// second: a fetch over it takes long enough for a test to act while it runs (cancel it, say).
// What the client sends passes at full speed.

#include <atomic>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lectern::test {

class ThrottledProxy {
  public:
    /// Listens on a free port of 127.0.0.1 and forwards each connection to `target_port`
    /// there. Fails the test (and throws) when it cannot listen.
    ThrottledProxy(int target_port, std::size_t bytes_per_second);
    /// Stops listening and closes every connection.
    ~ThrottledProxy();
    ThrottledProxy(const ThrottledProxy&) = delete;
    ThrottledProxy& operator=(const ThrottledProxy&) = delete;

    /// "http://127.0.0.1:PORT"
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    /// Bytes passed from the server to clients so far.
    std::size_t bytes_down() const { return bytes_down_.load(); }

  private:
    void accept_loop();
    void pump(int client);

    int listener_ = -1;
    int port_ = 0;
    int target_port_ = 0;
    std::size_t bytes_per_second_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> bytes_down_{0};
    std::mutex mutex_;
    std::vector<std::thread> connections_;
    std::thread acceptor_;
};

/// The port of an "http://127.0.0.1:PORT" address.
int port_of(const std::string& url);

}  // namespace lectern::test
