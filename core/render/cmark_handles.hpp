#pragma once
// Owners for cmark-gfm handles (private to core/render). Every handle cmark hands us
// through a constructor is owned by exactly one of these.

#include <cmark-gfm.h>

#include <memory>

namespace lectern::render::detail {

struct ParserDeleter {
    void operator()(cmark_parser* p) const noexcept { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node* n) const noexcept { cmark_node_free(n); }
};
struct IterDeleter {
    void operator()(cmark_iter* i) const noexcept { cmark_iter_free(i); }
};
/// Strings rendered by cmark are allocated with its default allocator and must be freed with it.
struct CmarkStringDeleter {
    void operator()(char* s) const noexcept { cmark_get_default_mem_allocator()->free(s); }
};

using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;
using CmarkString = std::unique_ptr<char, CmarkStringDeleter>;

}  // namespace lectern::render::detail
