#include "http/error_response.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/log.hpp"
#include "http/refusal.hpp"

namespace lectern::server {

namespace {

int status_for(Refusal why) {
    switch (why) {
        case Refusal::BadRequest:
            return 400;
        case Refusal::Unauthenticated:
            return 401;
        case Refusal::Forbidden:
            return 403;
        case Refusal::NotFound:
            return 404;
        case Refusal::Conflict:
            return 409;
        case Refusal::InvalidUpload:
            return 422;
        case Refusal::TooManyRequests:
            return 429;
    }
    return 500;
}

int status_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::InvalidArgument:
            return 400;
        case ErrorKind::NotFound:
            return 404;
        case ErrorKind::InvalidContent:
            return 422;
        case ErrorKind::Io:
        case ErrorKind::Library:
            return 500;
    }
    return 500;
}

bool wants_json(const httplib::Request& req) {
    return req.path.rfind("/api/", 0) == 0 || req.path.find("/info/lfs/") != std::string::npos;
}

}  // namespace

void respond_with_error(const httplib::Request& req, httplib::Response& res,
                        std::exception_ptr error) {
    int status = 500;
    std::string message = "internal error";
    try {
        std::rethrow_exception(error);
    } catch (const RequestRefused& e) {
        status = status_for(e.why());
        message = e.what();
    } catch (const Error& e) {
        status = status_for(e.kind());
        // Internal failures are logged in full and shown to the client only in outline.
        if (status >= 500) {
            log::error(log::kServer, req.method + " " + req.path + ": " + e.what());
        } else {
            message = e.what();
        }
    } catch (const std::exception& e) {
        log::error(log::kServer, req.method + " " + req.path + ": " + e.what());
    }
    res.status = status;
    if (status == 401) {
        res.set_header("WWW-Authenticate", "Basic realm=\"lectern\", charset=\"UTF-8\"");
        res.set_header("LFS-Authenticate", "Basic realm=\"lectern\"");
    }
    if (wants_json(req)) {
        const bool lfs = req.path.find("/info/lfs/") != std::string::npos;
        res.set_content(nlohmann::json{{"message", message}}.dump(),
                        lfs ? "application/vnd.git-lfs+json" : "application/json");
    } else {
        res.set_content(message + "\n", "text/plain; charset=utf-8");
    }
}

}  // namespace lectern::server
