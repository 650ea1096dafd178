#include "http/server.hpp"

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <chrono>
#include <memory>
#include <thread>

#include "common/error.hpp"
#include "common/log.hpp"
#include "http/access_log.hpp"
#include "http/api_routes.hpp"
#include "http/error_response.hpp"
#include "http/git_routes.hpp"
#include "http/ledger_routes.hpp"
#include "http/lfs_routes.hpp"
#include "http/request_auth.hpp"
#include "http/server_context.hpp"

namespace lectern::server {

namespace {

thread_local std::chrono::steady_clock::time_point t_request_start;

std::string route_label(const std::string& path) {
    if (path.rfind("/api/", 0) == 0) return "api";
    if (path == "/metrics") return "metrics";
    if (path.find("/info/lfs/") != std::string::npos) return "lfs";
    if (path.find(".git/") != std::string::npos) return "git";
    return "other";
}

std::unique_ptr<httplib::Server> make_server(const ServerConfig& config) {
    if (config.uses_tls()) {
        auto tls =
            std::make_unique<httplib::SSLServer>(config.tls_cert.c_str(), config.tls_key.c_str());
        if (!tls->is_valid()) {
            throw Error(ErrorKind::InvalidArgument, "cannot use the TLS certificate " +
                                                        config.tls_cert.string() + " and key " +
                                                        config.tls_key.string());
        }
        return tls;
    }
    if (!is_loopback(config.listen_host) && !config.allow_plain_http) {
        throw Error(ErrorKind::InvalidArgument,
                    "refusing plain HTTP on " + config.listen_host +
                        ": give tls_cert and tls_key, or --allow-plain-http behind a TLS proxy");
    }
    return std::make_unique<httplib::Server>();
}

/// Blocks SIGINT and SIGTERM in every thread and stops the server when one arrives.
std::thread stop_on_signal(httplib::Server& http) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return std::thread([&http, set] {
        int sig = 0;
        sigwait(&set, &sig);
        log::info(log::kServer, "stopping on signal " + std::to_string(sig));
        http.stop();
    });
}

}  // namespace

void serve(ServerContext& ctx, const std::function<void(const std::string&)>& on_ready) {
    // Writes to a child that has exited must fail with EPIPE, not kill the server.
    ::signal(SIGPIPE, SIG_IGN);
    auto http = make_server(ctx.config);
    AccessLog access(ctx.config.access_log);
    const int threads = ctx.config.threads;
    http->new_task_queue = [threads] {
        return new httplib::ThreadPool(static_cast<std::size_t>(threads));
    };
    http->set_read_timeout(60);
    http->set_write_timeout(60);
    // httplib serves each connection on one worker thread until it closes, so an idle
    // keep-alive connection holds a thread: keep that short, and allow many requests per
    // connection so that a busy client does not reconnect every 5 requests (the default).
    http->set_keep_alive_timeout(5);
    http->set_keep_alive_max_count(1000);
    // httplib writes a response's headers and body in separate sends; with Nagle's algorithm
    // a small body then waits for the client's delayed ACK (40 ms on Linux) on every request.
    http->set_tcp_nodelay(true);

    http->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
        t_request_start = std::chrono::steady_clock::now();
        reset_current_request_user();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    http->set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                   std::exception_ptr e) { respond_with_error(req, res, e); });
    http->set_logger([&ctx, &access](const httplib::Request& req, const httplib::Response& res) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t_request_start)
                .count();
        ctx.metrics.record_request(route_label(req.path), res.status, seconds);
        access.write(req.remote_addr, current_request_user(),
                     req.method + " " + req.target + " " + req.version, res.status, seconds,
                     req.get_header_value("User-Agent"));
    });

    add_git_routes(*http, ctx);
    add_lfs_routes(*http, ctx);
    add_api_routes(*http, ctx);
    add_ledger_routes(*http, ctx);

    // The Debian build of httplib listens with a backlog of 5: past that, connections arriving
    // together (a team starting a shift) lose their SYN and retry after a second. The listening
    // socket is kept here and its backlog raised once bound.
    int listener = -1;
    http->set_socket_options([&listener](int fd) {
        const int on = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);  // what httplib's default did
        listener = fd;
    });
    int port = ctx.config.port;
    if (port == 0) {
        port = http->bind_to_any_port(ctx.config.listen_host);
    } else if (!http->bind_to_port(ctx.config.listen_host, port)) {
        port = -1;
    }
    if (port <= 0) {
        throw Error(ErrorKind::Io, "cannot listen on " + ctx.config.listen_host + ":" +
                                       std::to_string(ctx.config.port));
    }
    if (listener >= 0) ::listen(listener, SOMAXCONN);
    std::thread stopper = stop_on_signal(*http);
    const std::string host = ctx.config.listen_host.find(':') != std::string::npos
                                 ? "[" + ctx.config.listen_host + "]"
                                 : ctx.config.listen_host;
    on_ready((ctx.config.uses_tls() ? "https://" : "http://") + host + ":" + std::to_string(port));
    http->listen_after_bind();
    // listen_after_bind() returns after stop(); the stopper thread has finished by then
    // unless the server stopped by itself, in which case a signal to ourselves ends it.
    if (stopper.joinable()) {
        ::kill(::getpid(), SIGTERM);
        stopper.join();
    }
}

}  // namespace lectern::server
