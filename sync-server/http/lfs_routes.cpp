#include "http/lfs_routes.hpp"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <memory>

#include "common/error.hpp"
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

nlohmann::json object_error(const std::string& oid, std::uint64_t size, int code,
                            const std::string& message) {
    return {{"oid", oid}, {"size", size}, {"error", {{"code", code}, {"message", message}}}};
}

nlohmann::json transfer_action(const std::string& href, const httplib::Request& req) {
    // The client authenticated this batch request; the transfer takes the same credentials.
    return {{"href", href},
            {"header", {{"Authorization", req.get_header_value("Authorization")}}},
            {"expires_in", kActionSeconds}};
}

void batch(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const std::string space = req.matches[1];
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("objects") ||
        !body["objects"].is_array()) {
        throw RequestRefused(Refusal::BadRequest, "not a Git LFS batch request");
    }
    const std::string operation = body.value("operation", "");
    if (operation != "download" && operation != "upload") {
        throw RequestRefused(Refusal::BadRequest, "operation must be download or upload");
    }
    const User user = authenticate(ctx, req);
    authorize(ctx, user, space, operation == "upload" ? Action::WriteContent : Action::ReadContent);

    const LfsObjectStore store(ctx.state.lfs_objects(space));
    const std::string base =
        server_url(ctx.config, req) + "/" + space + "/content.git/info/lfs/objects/";
    nlohmann::json objects = nlohmann::json::array();
    for (const auto& o : body["objects"]) {
        const std::string oid = o.value("oid", "");
        const std::uint64_t size = o.value("size", std::uint64_t{0});
        if (!LfsObjectStore::is_valid_oid(oid)) {
            objects.push_back(object_error(oid, size, 422, "not a sha256 object id"));
            continue;
        }
        const auto stored = store.size_of(oid);
        nlohmann::json entry = {{"oid", oid}, {"size", size}, {"authenticated", true}};
        if (operation == "download") {
            if (!stored) {
                objects.push_back(object_error(oid, size, 404, "object not found"));
                continue;
            }
            entry["size"] = *stored;
            entry["actions"] = {{"download", transfer_action(base + oid, req)}};
        } else if (!stored || *stored != size) {
            entry["actions"] = {{"upload", transfer_action(base + oid, req)}};
        }
        objects.push_back(entry);
    }
    res.set_content(nlohmann::json{{"transfer", "basic"}, {"objects", objects}}.dump(), kLfsJson);
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
