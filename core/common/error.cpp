#include "common/error.hpp"

namespace lectern {

std::string SourceLocation::to_string() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    return out;
}

namespace {
std::string compose(const std::string& message, const SourceLocation& where) {
    if (where.file.empty()) return message;
    return where.to_string() + ": " + message;
}
}  // namespace

Error::Error(ErrorKind kind, std::string message, SourceLocation where)
    : std::runtime_error(compose(message, where)),
      kind_(kind),
      message_(std::move(message)),
      where_(std::move(where)) {}

}  // namespace lectern
