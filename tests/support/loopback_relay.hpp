#pragma once
// A TCP relay on 127.0.0.1 in front of a test server. It can pass what the server sends at a
// set number of bytes a second (a fetch then takes long enough for a test to act while it
// runs: cancel it, say), and it can keep a copy of every byte the server sent (so that a test
// can look at what a client received: ACK lines, progress text). What the client sends always
// passes at full speed.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lectern::test {

class LoopbackRelay {
  public:
    struct Options {
        std::size_t bytes_per_second = 0;  ///< from the server to the client; 0: no limit
        bool record = false;               ///< keep what the server sent, for received()
    };

    /// Listens on a free port of 127.0.0.1 and relays each connection to `target_port` there.
    /// Throws when it cannot listen.
    LoopbackRelay(int target_port, Options options);
    /// Stops listening and closes every connection.
    ~LoopbackRelay();
    LoopbackRelay(const LoopbackRelay&) = delete;
    LoopbackRelay& operator=(const LoopbackRelay&) = delete;

    /// "http://127.0.0.1:PORT"
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    /// Bytes passed from the server to clients so far.
    std::size_t bytes_down() const { return bytes_down_.load(); }
    /// With `record`: what the server sent since the last clear(), connections in the order
    /// they were closed; waits (up to 10 s) for the connections still open to close.
    std::string received() const;
    void clear();

  private:
    void accept_loop();
    void relay(int client);

    int listener_ = -1;
    int port_ = 0;
    int target_port_ = 0;
    Options options_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> bytes_down_{0};
    mutable std::mutex mutex_;
    mutable std::condition_variable closed_;
    int open_connections_ = 0;
    std::vector<std::thread> connections_;
    std::string received_;
    std::thread acceptor_;
};

/// The port of an "http://127.0.0.1:PORT" address.
int port_of(const std::string& url);

}  // namespace lectern::test
