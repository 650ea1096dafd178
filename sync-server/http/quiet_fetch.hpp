#pragma once
// Quiet fetches: the Lectern client marks its upload-pack requests with a header, and for those
// only the request body is trimmed (upload_pack_request.hpp) before git http-backend reads it:
// no progress text, and no haves upload-pack would acknowledge but not use. Every other request
// (stock git, git-lfs, any request without the header) reaches git exactly as sent.

#include <filesystem>
#include <string_view>

#include "http/cgi_exchange.hpp"

namespace lectern::server {

/// The header the Lectern client sends with every git request, and its value.
inline constexpr std::string_view kQuietFetchHeader = "Lectern-Fetch";
inline constexpr std::string_view kQuietFetchValue = "quiet";

/// Request bodies larger than this are passed on untrimmed, streamed as they arrive. The
/// client's are a few KiB (libgit2 sends at most 256 haves).
inline constexpr std::size_t kMaxTrimmedBody = 64 * 1024;

/// `body` as git should read it: buffered (up to kMaxTrimmedBody) and trimmed when it is a
/// request trim_upload_pack_request() rewrites, otherwise passed on unchanged. The haves are
/// looked up in the bare repository `repo`; if it cannot be read the body goes on unchanged.
RequestBody quiet_fetch_body(RequestBody body, std::filesystem::path repo);

}  // namespace lectern::server
