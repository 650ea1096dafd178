#pragma once
// A TCP relay on 127.0.0.1 in front of the test server that keeps a copy of every byte the
// server sends, so that a test can look at what a client received (ACK lines, progress text).

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lectern::test {

class RecordingRelay {
  public:
    /// Listens on a free port of 127.0.0.1 and relays each connection to 127.0.0.1:`port`.
    explicit RecordingRelay(int server_port);
    ~RecordingRelay();
    RecordingRelay(const RecordingRelay&) = delete;
    RecordingRelay& operator=(const RecordingRelay&) = delete;

    /// "http://127.0.0.1:PORT"
    std::string url() const;
    /// What the server sent since the last clear(), connections in the order they were closed;
    /// waits (up to 10 s) for the connections still open to close.
    std::string received() const;
    void clear();

  private:
    void accept_loop();
    void relay(int client);

    int server_port_;
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread acceptor_;
    mutable std::mutex mutex_;
    mutable std::condition_variable closed_;
    int open_connections_ = 0;
    std::vector<std::thread> connections_;
    std::string received_;
};

}  // namespace lectern::test
