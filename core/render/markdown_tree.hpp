#pragma once
// A parsed Markdown document with the GFM extensions Lectern enables (private to core/render).

#include <cmark-gfm.h>

#include <string>
#include <string_view>

#include "render/cmark_handles.hpp"

namespace lectern::render::detail {

/// Parses Markdown with tables, strikethrough, autolinks and task lists, source positions on,
/// and invalid UTF-8 replaced. Keeps the parser alive because rendering needs its extensions.
class MarkdownTree {
  public:
    explicit MarkdownTree(std::string_view markdown);

    cmark_node* root() const noexcept { return root_.get(); }
    /// HTML for the tree; raw HTML is omitted and unsafe URLs are dropped by cmark.
    std::string html() const;

  private:
    ParserPtr parser_;
    NodePtr root_;
};

/// Text of every literal below a node (text, code, line breaks as spaces): a heading's or
/// a link's words without markup.
std::string literal_text(cmark_node* node);

}  // namespace lectern::render::detail
