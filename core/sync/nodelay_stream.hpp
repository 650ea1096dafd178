#pragma once
// libgit2's plain socket stream, replaced by one that sets TCP_NODELAY. libgit2 1.5 writes an
// HTTP request's headers and its body in two sends; with Nagle's algorithm on, the body waits
// until the server acknowledges the headers, and a server answering request after request on
// one connection delays that acknowledgement by up to 40 ms: each upload-pack POST of a fetch
// took 40-60 ms where the same request sent at once is answered in 4-8 ms. TLS streams are
// built on this one, so https benefits too.

namespace lectern::sync {

/// Registers the stream with libgit2, once per process. Throws Error(Library) if libgit2
/// refuses it.
void use_nodelay_sockets();

}  // namespace lectern::sync
