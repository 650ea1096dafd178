#include "http/git_routes.hpp"

#include <httplib.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <utility>

#include "http/cached_upload_pack.hpp"
#include "http/cgi_exchange.hpp"
#include "http/quiet_fetch.hpp"
#include "http/refusal.hpp"
#include "http/request_auth.hpp"
#include "http/server_context.hpp"
#include "ledger/receipt_issuer.hpp"

namespace lectern::server {

namespace {

enum class Service { UploadPack, ReceivePack };

struct GitRequest {
    std::string space;
    RepoKind kind = RepoKind::Content;
    Service service = Service::UploadPack;
    std::string path_info;  ///< "/content.git/info/refs"
};

Action action_for(RepoKind kind, Service service) {
    if (kind == RepoKind::Content) {
        return service == Service::UploadPack ? Action::ReadContent : Action::WriteContent;
    }
    return service == Service::UploadPack ? Action::ReadLedger : Action::PushOwnLedger;
}

Service parse_service(const std::string& name) {
    if (name == "git-upload-pack") return Service::UploadPack;
    if (name == "git-receive-pack") return Service::ReceivePack;
    throw RequestRefused(Refusal::NotFound, "only git's smart HTTP protocol is served");
}

/// git settings for this one exchange, given to git through GIT_CONFIG_COUNT so that they hold
/// whatever the repository's own config says.
std::vector<std::pair<std::string, std::string>> git_settings(const ServerContext& ctx,
                                                              const GitRequest& g,
                                                              const std::string& user) {
    const bool push = g.service == Service::ReceivePack;
    std::vector<std::pair<std::string, std::string>> out = {
        {"http.getanyfile", "false"},
        {"http.uploadpack", push ? "false" : "true"},
        {"http.receivepack", push ? "true" : "false"},
        {"core.hooksPath", ctx.state.hooks().string()},
        {"receive.fsckObjects", "true"},
        {"receive.denyNonFastForwards", "true"},
        {"receive.denyDeletes", "true"},
        {"uploadpack.allowAnySHA1InWant", "false"},
    };
    if (g.kind == RepoKind::Ledger && push) {
        // A pusher sees only their own branches: other people's branch names stay private.
        out.emplace_back("receive.hideRefs", "refs/heads/agents");
        out.emplace_back("receive.hideRefs", "!refs/heads/agents/" + user);
    }
    return out;
}

SpawnOptions backend_process(const ServerContext& ctx, const httplib::Request& req,
                             const GitRequest& g, const std::string& user) {
    SpawnOptions p;
    p.argv = {ctx.config.git_http_backend.string()};
    auto env = [&p](const std::string& name, const std::string& value) {
        p.env.push_back(name + "=" + value);
    };
    const char* path = std::getenv("PATH");
    env("PATH", path ? path : "/usr/bin:/bin");
    env("HOME", ctx.state.root().string());
    env("GIT_CONFIG_NOSYSTEM", "1");
    env("GIT_CONFIG_GLOBAL", "/dev/null");
    env("GIT_PROJECT_ROOT", ctx.state.space(g.space).string());
    env("GIT_HTTP_EXPORT_ALL", "1");
    env("PATH_INFO", g.path_info);
    env("REQUEST_METHOD", req.method);
    env("QUERY_STRING", req.method == "GET" ? "service=" + req.get_param_value("service") : "");
    env("CONTENT_TYPE", req.get_header_value("Content-Type"));
    env("REMOTE_USER", user);
    env("REMOTE_ADDR", req.remote_addr);
    // git's protocol v2 is asked for in this header; http-backend passes it on to git.
    if (req.has_header("Git-Protocol"))
        env("HTTP_GIT_PROTOCOL", req.get_header_value("Git-Protocol"));
    // No CONTENT_LENGTH: httplib has already undone chunking and gzip, so the length on the
    // wire is not the length of the body; http-backend then reads to the end of its input.
    env("LECTERN_USER", user);
    env("LECTERN_SPACE", g.space);
    env("LECTERN_REPO_KIND", std::string(to_string(g.kind)));
    env("LECTERN_STATE_DIR", std::filesystem::absolute(ctx.state.root()).string());
    for (const char* pass : {"TMPDIR", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
        if (const char* v = std::getenv(pass)) env(pass, v);
    }
    const auto settings = git_settings(ctx, g, user);
    env("GIT_CONFIG_COUNT", std::to_string(settings.size()));
    for (std::size_t i = 0; i < settings.size(); ++i) {
        env("GIT_CONFIG_KEY_" + std::to_string(i), settings[i].first);
        env("GIT_CONFIG_VALUE_" + std::to_string(i), settings[i].second);
    }
    return p;
}

GitRequest parse(const httplib::Request& req) {
    GitRequest g;
    g.space = req.matches[1];
    g.kind = req.matches[2] == "ledger" ? RepoKind::Ledger : RepoKind::Content;
    const std::string rest = req.matches[3];
    g.service = parse_service(rest == "info/refs" ? req.get_param_value("service") : rest);
    // Appended piece by piece to a new string: `"/" + std::string`, or assigning "/", makes
    // GCC 12 at -O3 warn wrongly (-Wrestrict, https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329).
    std::string path(1, '/');
    path += to_string(g.kind);
    path += ".git/";
    path += rest;
    g.path_info = std::move(path);
    return g;
}

/// The request body as git http-backend is to read it: a quiet fetch's upload-pack request is
/// trimmed (quiet_fetch.hpp); everything else, stock git's requests among them, goes as sent.
RequestBody body_for_git(ServerContext& ctx, const httplib::Request& req, const GitRequest& g,
                         const httplib::ContentReader& reader) {
    RequestBody body = [&reader](const BodyReceiver& receive) { return reader(receive); };
    if (g.service == Service::UploadPack &&
        req.get_header_value(std::string(kQuietFetchHeader).c_str()) == kQuietFetchValue) {
        return quiet_fetch_body(std::move(body), ctx.state.repo(g.space, g.kind));
    }
    return body;
}

void serve(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
           const httplib::ContentReader* reader) {
    const GitRequest g = parse(req);
    const User user = authenticate(ctx, req);
    authorize(ctx, user, g.space, action_for(g.kind, g.service));
    std::optional<RequestBody> read_body;
    if (reader) read_body = body_for_git(ctx, req, g, *reader);
    const RequestBody* body = read_body ? &*read_body : nullptr;
    if (req.method == "POST") {
        if (g.service == Service::UploadPack) ctx.metrics.record_fetch();
        if (g.service == Service::ReceivePack) ctx.metrics.record_push();
    }
    // Only after the checks above: a stored answer is shared by every reader of the space.
    if (g.service == Service::UploadPack && ctx.upload_pack_cache) {
        serve_upload_pack_cached(ctx, {g.space, g.kind, ctx.state.repo(g.space, g.kind)},
                                 backend_process(ctx, req, g, user.name), body, res);
        return;
    }
    if (g.kind == RepoKind::Ledger && g.service == Service::ReceivePack && req.method == "POST") {
        // One ledger push per space at a time, from the hook's checks to the receipts.
        std::lock_guard lock(ctx.ledger_push_locks.of(g.space));
        run_cgi(backend_process(ctx, req, g, user.name), body, res);
        // The post-receive hook issued the receipts; this catches any it could not (killed).
        issue_missing_receipts(ctx.state, g.space, ctx.receipts, ctx.server_key);
        return;
    }
    run_cgi(backend_process(ctx, req, g, user.name), body, res);
}

}  // namespace

void add_git_routes(httplib::Server& http, ServerContext& ctx) {
    const std::string repo = R"(/([a-z0-9][a-z0-9._-]{0,63})/(content|ledger)\.git/)";
    http.Get(repo + "(info/refs)", [&ctx](const httplib::Request& req, httplib::Response& res) {
        serve(ctx, req, res, nullptr);
    });
    http.Post(repo + "(git-upload-pack|git-receive-pack)",
              [&ctx](const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& body) { serve(ctx, req, res, &body); });
}

}  // namespace lectern::server
