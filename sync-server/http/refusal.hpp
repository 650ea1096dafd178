#pragma once
// Why the server refuses a request. Handlers throw RequestRefused; error_response.cpp turns it
// (and every other exception) into a status code: the one place where that mapping lives.

#include <stdexcept>
#include <string>

namespace lectern::server {

enum class Refusal {
    BadRequest,       ///< malformed request
    Unauthenticated,  ///< no credentials, or a wrong, expired or revoked token
    Forbidden,        ///< a member whose role does not allow this
    NotFound,         ///< no such space or object, or not a member (spaces stay invisible)
    Conflict,         ///< the request does not fit what is stored
    InvalidUpload,    ///< an upload whose size or hash is not what it claims
    TooManyRequests,  ///< too many failed logins
};

class RequestRefused : public std::runtime_error {
  public:
    RequestRefused(Refusal why, const std::string& message)
        : std::runtime_error(message), why_(why) {}
    Refusal why() const noexcept { return why_; }

  private:
    Refusal why_;
};

}  // namespace lectern::server
