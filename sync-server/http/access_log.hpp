#pragma once
// One line per finished request, in the combined-log style admins already parse:
//   ADDR - USER [TIME] "METHOD TARGET HTTP/1.1" STATUS DURATION_MS "USER-AGENT"

#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>

namespace lectern::server {

class AccessLog {
  public:
    /// Appends to `file`; an empty path writes to stderr.
    explicit AccessLog(const std::filesystem::path& file);

    void write(const std::string& address, const std::string& user, const std::string& request_line,
               int status, double seconds, const std::string& user_agent);

  private:
    std::mutex mutex_;
    std::ofstream file_;
    bool to_stderr_;
};

}  // namespace lectern::server
