#pragma once
// A small HTTP client on libcurl for the REST API and Git LFS (internal to core/sync; git
// itself goes through libgit2).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sync/git_transfer.hpp"
#include "sync/progress.hpp"

namespace lectern::sync::http {

struct Request {
    std::string method = "GET";
    std::string url;
    std::vector<std::string> headers;  ///< "Name: value"
    std::string body;
    std::optional<Credentials> basic;  ///< HTTP Basic, when set
};

struct Response {
    int status = 0;     ///< 0 when the server was not reached
    std::string body;   ///< in memory (not for downloads to a file)
    std::string error;  ///< libcurl's words when the server was not reached
    bool cancelled = false;
    std::uint64_t bytes = 0;  ///< body bytes received
};

/// Sends the request and keeps the answer in memory. Never throws for network failures:
/// they are in `error`.
Response send(const Request& request, const Progress& progress = {});

/// GETs `request.url` into `file`, appending from its current size with a Range request so
/// an interrupted download continues where it stopped; a server that ignores the range gets
/// the file rewritten from the start. Throws Error(Io) when the file cannot be written.
Response download(const Request& request, const std::filesystem::path& file,
                  const Progress& progress, std::size_t object_index, std::size_t object_count);

/// A TransferFailure for a response that is not 2xx: what to do about 401, 403, 404, an
/// unreachable server, or the server's own message. `what` names the request for a person.
TransferFailure failure_of(const Response& response, const std::string& what,
                           const std::string& user);

/// The "message" of a JSON error body, else the body's first line.
std::string server_message(const std::string& body);

}  // namespace lectern::sync::http
