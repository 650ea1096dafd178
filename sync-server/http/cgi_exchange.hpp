#pragma once
// Runs a CGI program (git http-backend) for one request, streaming both ways: the request body
// goes to the child's stdin as it arrives, and its stdout goes to the client as it is produced,
// so no pack is ever held whole in memory.

#include "process/child_process.hpp"

namespace httplib {
struct Response;
class ContentReader;
}  // namespace httplib

namespace lectern::server {

/// Starts the program, feeds it the body (if `body` is given), reads its CGI headers into
/// `res` and streams the rest of its output as the response body; the child is reaped when
/// the response is finished. Throws Error(Io) if it cannot start or says nothing.
void run_cgi(const SpawnOptions& program, const httplib::ContentReader* body,
             httplib::Response& res);

}  // namespace lectern::server
