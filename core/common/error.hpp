#pragma once
// The one error type of core: what went wrong, in words a person can act on, and where.

#include <stdexcept>
#include <string>

namespace lectern {

/// What kind of failure an Error reports; front ends map it to exit codes or HTTP statuses.
enum class ErrorKind {
    InvalidArgument,  ///< the caller asked for something that cannot be (bad id, bad option)
    NotFound,         ///< a file, document or space that should exist does not
    InvalidContent,   ///< content that does not follow the content format
    Io,               ///< reading or writing a file failed
    Library,          ///< a third-party library reported a failure we did not expect
};

/// Where in a file something is; line and column count from 1, 0 means "unknown".
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;

    /// "file:line:column", leaving out what is unknown.
    std::string to_string() const;
};

/// The single exception type thrown by core. what() is "location: message" when a
/// location is known, else the message alone.
class Error : public std::runtime_error {
  public:
    Error(ErrorKind kind, std::string message, SourceLocation where = {});

    ErrorKind kind() const noexcept { return kind_; }
    const std::string& message() const noexcept { return message_; }
    const SourceLocation& where() const noexcept { return where_; }

  private:
    ErrorKind kind_;
    std::string message_;
    SourceLocation where_;
};

}  // namespace lectern
