#pragma once
// Errors to HTTP: the one mapping from what went wrong to a status code and a body.

#include <exception>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace lectern::server {

/// Fills `res` for the exception `error` thrown while handling `req`: a status, a JSON body
/// (LFS and API) or a line of text (git), and the Basic challenge on 401.
void respond_with_error(const httplib::Request& req, httplib::Response& res,
                        std::exception_ptr error);

}  // namespace lectern::server
