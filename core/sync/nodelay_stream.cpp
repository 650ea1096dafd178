#include "sync/nodelay_stream.hpp"

#include <git2.h>
#include <git2/sys/stream.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <new>
#include <string>
#include <type_traits>

#include "common/libgit2.hpp"

namespace lectern::sync {

namespace {

/// A git_stream over one TCP connection; `parent` first, as libgit2 hands back its address.
struct NodelayStream {
    git_stream parent;
    std::string host;
    std::string port;
    int fd = -1;
};

static_assert(std::is_standard_layout_v<NodelayStream>);

NodelayStream* self(git_stream* stream) {
    return reinterpret_cast<NodelayStream*>(stream);
}

/// libgit2's own wording, which callers (and classify() in git_transfer.cpp) recognise.
int fail(const std::string& message) {
    git_error_set_str(GIT_ERROR_NET, message.c_str());
    return -1;
}

int stream_connect(git_stream* stream) {
    NodelayStream& s = *self(stream);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (const int rc = ::getaddrinfo(s.host.c_str(), s.port.c_str(), &hints, &found); rc != 0)
        return fail("failed to resolve address for " + s.host + ": " + ::gai_strerror(rc));
    int last_errno = 0;
    for (addrinfo* a = found; a && s.fd < 0; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) {
            last_errno = errno;
            continue;
        }
        int rc;
        do {
            rc = ::connect(fd, a->ai_addr, a->ai_addrlen);
        } while (rc != 0 && errno == EINTR);
        if (rc == 0) {
            s.fd = fd;
        } else {
            last_errno = errno;
            ::close(fd);
        }
    }
    ::freeaddrinfo(found);
    if (s.fd < 0) return fail("failed to connect to " + s.host + ": " + std::strerror(last_errno));
    const int on = 1;
    ::setsockopt(s.fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return 0;
}

ssize_t stream_read(git_stream* stream, void* data, size_t len) {
    ssize_t n;
    do {
        n = ::recv(self(stream)->fd, data, len, 0);
    } while (n < 0 && errno == EINTR);
    if (n < 0)
        return fail(std::string("error receiving data from socket: ") + std::strerror(errno));
    return n;
}

ssize_t stream_write(git_stream* stream, const char* data, size_t len, int /*flags*/) {
    ssize_t n;
    do {
        n = ::send(self(stream)->fd, data, len, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return fail(std::string("error sending data: ") + std::strerror(errno));
    return n;
}

int stream_close(git_stream* stream) {
    NodelayStream& s = *self(stream);
    if (s.fd >= 0) ::close(s.fd);
    s.fd = -1;
    return 0;
}

void stream_free(git_stream* stream) {
    stream_close(stream);
    delete self(stream);
}

int stream_new(git_stream** out, const char* host, const char* port) {
    auto* s = new (std::nothrow) NodelayStream{};
    if (!s) return fail("out of memory");
    s->host = host;
    s->port = port;
    s->parent.version = GIT_STREAM_VERSION;
    s->parent.connect = stream_connect;
    s->parent.read = stream_read;
    s->parent.write = stream_write;
    s->parent.close = stream_close;
    s->parent.free = stream_free;
    *out = &s->parent;
    return 0;
}

}  // namespace

void use_nodelay_sockets() {
    static std::once_flag once;
    std::call_once(once, [] {
        ensure_libgit2();
        git_stream_registration registration{};
        registration.version = GIT_STREAM_VERSION;
        registration.init = stream_new;
        if (git_stream_register(GIT_STREAM_STANDARD, &registration) != 0)
            throw libgit2_error("registering the socket stream");
    });
}

}  // namespace lectern::sync
