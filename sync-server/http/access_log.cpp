#include "http/access_log.hpp"

#include <ctime>
#include <iostream>

#include "common/error.hpp"

namespace lectern::server {

AccessLog::AccessLog(const std::filesystem::path& file) : to_stderr_(file.empty()) {
    if (!to_stderr_) {
        file_.open(file, std::ios::app);
        if (!file_) throw Error(ErrorKind::Io, "cannot open the access log " + file.string());
    }
}

void AccessLog::write(const std::string& address, const std::string& user,
                      const std::string& request_line, int status, double seconds,
                      const std::string& user_agent) {
    char when[64];
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(when, sizeof when, "%d/%b/%Y:%H:%M:%S +0000", &tm);
    std::lock_guard lock(mutex_);
    std::ostream& out = to_stderr_ ? std::cerr : file_;
    out << address << " - " << user << " [" << when << "] \"" << request_line << "\" " << status
        << ' ' << static_cast<long>(seconds * 1000) << "ms \"" << user_agent << "\"\n";
    out.flush();
}

}  // namespace lectern::server
