#include "sync/http_client.hpp"

#include <curl/curl.h>

#include <cstdio>
#include <memory>
#include <mutex>

#include <nlohmann/json.hpp>

#include "common/error.hpp"

namespace lectern::sync::http {

namespace fs = std::filesystem;

namespace {

struct CurlDeleter {
    void operator()(CURL* c) const noexcept { curl_easy_cleanup(c); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const noexcept { curl_slist_free_all(l); }
};
struct FileCloser {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

void ensure_curl() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
    const Progress* progress = nullptr;
    std::string* memory = nullptr;
    std::FILE* file = nullptr;
    std::uint64_t bytes = 0;
    std::uint64_t offset = 0;  // bytes already in the file before this request
    long status = 0;
    bool write_failed = false;
    bool cancelled = false;
    std::size_t index = 0;
    std::size_t count = 0;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* payload) {
    auto& t = *static_cast<Transfer*>(payload);
    const std::size_t len = size * n;
    t.bytes += len;
    if (t.memory) {
        t.memory->append(data, len);
        return len;
    }
    if (std::fwrite(data, 1, len, t.file) != len) {
        t.write_failed = true;
        return 0;
    }
    return len;
}

int on_progress(void* payload, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto& t = *static_cast<Transfer*>(payload);
    if (t.progress->cancelled()) {
        t.cancelled = true;
        return 1;
    }
    if (t.file) t.progress->step("lfs", t.index, t.count, t.offset + t.bytes);
    return 0;
}

CurlPtr prepare(const Request& request, Transfer& t, SlistPtr& headers) {
    ensure_curl();
    CurlPtr curl(curl_easy_init());
    if (!curl) throw Error(ErrorKind::Library, "cannot start an HTTP request (libcurl)");
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    // Only the web: a hostile LFS answer must not send us to file:// or elsewhere.
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    // A stalled connection (under 1 byte/s for 30 s) fails instead of hanging a sync.
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 30L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    if (request.method == "POST") {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.c_str());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    } else if (request.method != "GET") {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    for (const auto& h : request.headers) {
        curl_slist* more = curl_slist_append(headers.get(), h.c_str());
        if (!more) throw Error(ErrorKind::Library, "cannot build an HTTP request (libcurl)");
        (void)headers.release();
        headers.reset(more);
    }
    if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    if (request.basic) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(c, CURLOPT_USERNAME, request.basic->user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, request.basic->token.c_str());
    }
    return curl;
}

Response finish(CURL* c, CURLcode rc, const Transfer& t) {
    Response r;
    r.bytes = t.bytes;
    r.cancelled = t.cancelled;
    if (rc == CURLE_OK || rc == CURLE_WRITE_ERROR || rc == CURLE_ABORTED_BY_CALLBACK) {
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        r.status = static_cast<int>(status);
    }
    if (rc != CURLE_OK) {
        r.error = curl_easy_strerror(rc);
        if (rc != CURLE_WRITE_ERROR && rc != CURLE_ABORTED_BY_CALLBACK) r.status = 0;
    }
    return r;
}

}  // namespace

Response send(const Request& request, const Progress& progress) {
    std::string body;
    Transfer t;
    t.progress = &progress;
    t.memory = &body;
    SlistPtr headers;
    CurlPtr curl = prepare(request, t, headers);
    const CURLcode rc = curl_easy_perform(curl.get());
    Response r = finish(curl.get(), rc, t);
    r.body = std::move(body);
    return r;
}

Response download(const Request& request, const fs::path& file, const Progress& progress,
                  std::size_t object_index, std::size_t object_count) {
    std::error_code ec;
    const std::uint64_t have = fs::exists(file, ec) ? fs::file_size(file, ec) : 0;
    FilePtr out(std::fopen(file.c_str(), "ab"));
    if (!out) throw Error(ErrorKind::Io, "cannot write " + file.string());
    Transfer t;
    t.progress = &progress;
    t.file = out.get();
    t.offset = have;
    t.index = object_index;
    t.count = object_count;
    SlistPtr headers;
    CurlPtr curl = prepare(request, t, headers);
    if (have > 0)
        curl_easy_setopt(curl.get(), CURLOPT_RESUME_FROM_LARGE, static_cast<curl_off_t>(have));
    CURLcode rc = curl_easy_perform(curl.get());
    Response r = finish(curl.get(), rc, t);
    if (r.status == 200 && have > 0) {
        // The server sent the whole object, not the rest: start the file again.
        out.reset(std::fopen(file.c_str(), "wb"));
        if (!out) throw Error(ErrorKind::Io, "cannot write " + file.string());
        Transfer again = t;
        again.file = out.get();
        again.bytes = 0;
        again.offset = 0;
        SlistPtr headers2;
        CurlPtr fresh = prepare(request, again, headers2);
        rc = curl_easy_perform(fresh.get());
        r = finish(fresh.get(), rc, again);
        if (again.write_failed) throw Error(ErrorKind::Io, "cannot write " + file.string());
    } else if (t.write_failed) {
        throw Error(ErrorKind::Io, "cannot write " + file.string());
    }
    if (std::fflush(out.get()) != 0) throw Error(ErrorKind::Io, "cannot write " + file.string());
    return r;
}

std::string server_message(const std::string& body) {
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_object() && j.contains("message") && j["message"].is_string())
        return j["message"].get<std::string>();
    return body.substr(0, body.find('\n'));
}

TransferFailure failure_of(const Response& r, const std::string& what, const std::string& user) {
    if (r.cancelled) return {TransferFailureReason::Cancelled, what + " was cancelled"};
    if (r.status == 0) {
        return {TransferFailureReason::Unreachable,
                "cannot reach the server for " + what + " (" + r.error +
                    "); everything synced before stays readable offline; try again when the "
                    "server can be reached"};
    }
    const std::string said = server_message(r.body);
    const std::string detail = said.empty() ? "" : ": " + said;
    switch (r.status) {
        case 401:
            return {TransferFailureReason::Unauthorized,
                    "the server refused " + what + " (401" + detail +
                        "); check the user name and password, or run `lectern login` again"};
        case 403:
            return {TransferFailureReason::Forbidden,
                    (user.empty() ? std::string("this user") : user) + " may not do " + what +
                        " (403" + detail + "); ask an admin if they should"};
        case 404:
            return {TransferFailureReason::NotFound,
                    "the server has nothing at " + what + " (404" + detail +
                        "); check the space name, or ask an admin to make you a member"};
        default:
            return {TransferFailureReason::Other,
                    what + " failed with HTTP status " + std::to_string(r.status) + detail};
    }
}

}  // namespace lectern::sync::http
