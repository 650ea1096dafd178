#include "http/lfs_routes.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

#include "common/error.hpp"
#include "http/lfs_batch_request.hpp"
#include "http/refusal.hpp"
#include "http/request_auth.hpp"
#include "http/server_context.hpp"
#include "http/server_url.hpp"
#include "lfs/mapped_object.hpp"
#include "lfs/object_store.hpp"

namespace lectern::server {

namespace {

constexpr const char* kLfsJson = "application/vnd.git-lfs+json";
constexpr int kActionSeconds = 3600;

// JSON text of a string: quoted and escaped.
std::string json_string(const std::string& s) {
    return nlohmann::json(s).dump();
}

// The batch answer is written into one string rather than built as a JSON tree and dumped:
// allocating, dumping and freeing the tree's nodes were a large share of a batch request's CPU
// under load. Only the object ids vary per entry, and they are checked to be hex digits before
// they are written; everything else is escaped as JSON.
class BatchAnswer {
  public:
    BatchAnswer(const std::string& base, const httplib::Request& req, std::size_t objects) {
        // The client authenticated this batch request; the transfer takes the same credentials.
        href_prefix_ = json_string(base);
        href_prefix_.pop_back();  // the closing quote: each href ends with its object id
        action_tail_ = "\",\"header\":{\"Authorization\":" +
                       json_string(req.get_header_value("Authorization")) +
                       "},\"expires_in\":" + std::to_string(kActionSeconds) + "}}";
        // One allocation for a whole answer of up to 100 objects (git-lfs' batch size): an entry
        // with an action is about 140 characters besides the base URL and the credentials.
        out_.reserve(64 + std::min<std::size_t>(objects, 100) *
                              (160 + href_prefix_.size() + action_tail_.size()));
        out_ += "{\"transfer\":\"basic\",\"objects\":[";
    }
    /// An object the client may transfer (`action`: "download" or "upload"), or that needs no
    /// transfer (`action` empty). `oid` is a valid object id.
    void add(const std::string& oid, std::uint64_t size, const char* action) {
        next();
        out_ += "{\"oid\":\"";
        out_ += oid;
        out_ += "\",\"size\":";
        out_ += std::to_string(size);
        out_ += ",\"authenticated\":true";
        if (*action) {
            out_ += ",\"actions\":{\"";
            out_ += action;
            out_ += "\":{\"href\":";
            out_ += href_prefix_;
            out_ += oid;
            out_ += action_tail_;
        }
        out_ += '}';
    }
    void add_error(const std::string& oid, std::uint64_t size, int code,
                   const std::string& message) {
        next();
        out_ +=
            nlohmann::json{
                {"oid", oid}, {"size", size}, {"error", {{"code", code}, {"message", message}}}}
                .dump();
    }
    std::string finish() && {
        out_ += "]}";
        return std::move(out_);
    }

  private:
    void next() {
        if (!first_) out_ += ',';
        first_ = false;
    }
    std::string out_;
    std::string href_prefix_;
    std::string action_tail_;
    bool first_ = true;
};

void batch(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const std::string space = req.matches[1];
    const auto body = parse_lfs_batch_request(req.body);
    if (!body) throw RequestRefused(Refusal::BadRequest, "not a Git LFS batch request");
    const std::string& operation = body->operation;
    if (operation != "download" && operation != "upload") {
        throw RequestRefused(Refusal::BadRequest, "operation must be download or upload");
    }
    const User user = authenticate(ctx, req);
    authorize(ctx, user, space, operation == "upload" ? Action::WriteContent : Action::ReadContent);

    const LfsObjectStore store(ctx.state.lfs_objects(space));
    const LfsObjectStore::Sizes stored_sizes(store);
    BatchAnswer answer(server_url(ctx.config, req) + "/" + space + "/content.git/info/lfs/objects/",
                       req, body->objects.size());
    for (const auto& [oid, size] : body->objects) {
        if (!LfsObjectStore::is_valid_oid(oid)) {
            answer.add_error(oid, size, 422, "not a sha256 object id");
            continue;
        }
        const auto stored = stored_sizes.of(oid);
        if (operation == "download") {
            if (!stored) {
                answer.add_error(oid, size, 404, "object not found");
            } else {
                answer.add(oid, *stored, "download");
            }
        } else {
            answer.add(oid, size, !stored || *stored != size ? "upload" : "");
        }
    }
    res.set_content(std::move(answer).finish(), kLfsJson);
}

void download(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const std::string space = req.matches[1];
    const std::string oid = req.matches[2];
    const User user = authenticate(ctx, req);
    authorize(ctx, user, space, Action::ReadContent);
    const LfsObjectStore store(ctx.state.lfs_objects(space));
    const auto size = store.size_of(oid);
    if (!size) throw RequestRefused(Refusal::NotFound, "object not found");
    const auto object = MappedObject::open(store.path_of(oid));
    if (!object) throw RequestRefused(Refusal::NotFound, "object not found");
    // httplib answers a Range request with 206 and the asked part, reading through this. The
    // part goes to the socket straight from the mapped file: no copy through a buffer of ours.
    res.set_content_provider(
        object->size(), "application/octet-stream",
        [object](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            const std::string_view part = object->bytes(offset, length);
            return !part.empty() && sink.write(part.data(), part.size());
        });
}

void upload(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
            const httplib::ContentReader& body) {
    const std::string space = req.matches[1];
    const std::string oid = req.matches[2];
    const User user = authenticate(ctx, req);
    authorize(ctx, user, space, Action::WriteContent);
    const LfsObjectStore store(ctx.state.lfs_objects(space));
    LfsObjectStore::Upload upload(store, oid);
    bool written = true;
    body([&](const char* data, std::size_t len) {
        written = upload.write(data, len);
        return written;
    });
    if (!written) throw Error(ErrorKind::Io, "cannot store an LFS upload");
    std::optional<std::uint64_t> expected;
    if (req.has_header("Content-Length"))
        expected = std::stoull(req.get_header_value("Content-Length"));
    upload.finish(expected);
    res.status = 200;
}

}  // namespace

void add_lfs_routes(httplib::Server& http, ServerContext& ctx) {
    const std::string lfs = R"(/([a-z0-9][a-z0-9._-]{0,63})/content\.git/info/lfs/objects)";
    http.Post(lfs + "/batch", [&ctx](const httplib::Request& req, httplib::Response& res) {
        batch(ctx, req, res);
    });
    http.Get(lfs + "/([0-9a-f]{64})", [&ctx](const httplib::Request& req, httplib::Response& res) {
        download(ctx, req, res);
    });
    http.Put(lfs + "/([0-9a-f]{64})",
             [&ctx](const httplib::Request& req, httplib::Response& res,
                    const httplib::ContentReader& body) { upload(ctx, req, res, body); });
}

}  // namespace lectern::server
