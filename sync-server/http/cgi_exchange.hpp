#pragma once
// Runs a CGI program (git http-backend) for one request, streaming both ways: the request body
// goes to the child's stdin as it arrives, and its stdout goes to the client as it is produced,
// at most a bounded buffer in memory, so no pack is ever held whole. The same streaming answers
// from a file holding a program's stored output (the upload-pack cache).

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

#include "process/child_process.hpp"

namespace httplib {
struct Response;
}  // namespace httplib

namespace lectern::server {

/// Receives one part of a request body; false stops the reading.
using BodyReceiver = std::function<bool(const char* data, std::size_t len)>;
/// Hands a request body to `receive` part by part, in order (httplib's ContentReader, or a
/// rewrite of it); false if the body could not be read whole.
using RequestBody = std::function<bool(const BodyReceiver& receive)>;

/// Gets a copy of everything the program writes, CGI headers included, as it is sent.
struct OutputTee {
    std::function<void(std::string_view)> write;
    /// Called once when the response ends: true if the program's whole output was sent and it
    /// exited with 0.
    std::function<void(bool complete)> finish;
};

/// A CGI program started for one request.
class CgiExchange;

/// Starts the program. Throws Error(Io) if it cannot be started.
std::shared_ptr<CgiExchange> start_cgi(const SpawnOptions& program);

/// Passes part of the request body to the program, reading its output meanwhile so that
/// neither side blocks the other. False if the program stopped reading.
bool feed_cgi(CgiExchange& exchange, const char* data, std::size_t len);

/// Ends the request body, reads the program's CGI headers into `res` and streams the rest of its
/// output as the response body; `tee` (if set) gets a copy. The child is reaped when the
/// response is finished. Throws Error(Io) if the program ends without a response.
void respond_from_cgi(std::shared_ptr<CgiExchange> exchange, httplib::Response& res,
                      OutputTee tee = {});

/// start_cgi, feed_cgi with the whole body (if `body` is given), respond_from_cgi.
void run_cgi(const SpawnOptions& program, const RequestBody* body, httplib::Response& res);

/// Answers with a program's output stored in `file` (what an OutputTee received), its headers
/// into `res` and the rest streamed from the file. Throws Error(Io) if it holds no headers.
void respond_from_stored_cgi_output(UniqueFd file, httplib::Response& res);

}  // namespace lectern::server
