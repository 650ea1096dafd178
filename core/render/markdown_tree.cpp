#include "render/markdown_tree.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <mutex>

#include "common/error.hpp"

namespace lectern::render::detail {

namespace {

constexpr int kParseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8;
// Without CMARK_OPT_UNSAFE cmark omits raw HTML and drops javascript:, vbscript:, file: and
// non-image data: URLs; links are checked again by our own allow-list before rendering.
constexpr int kRenderOptions = CMARK_OPT_DEFAULT;

void ensure_extensions_registered() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

}  // namespace

MarkdownTree::MarkdownTree(std::string_view markdown) {
    ensure_extensions_registered();
    parser_.reset(cmark_parser_new(kParseOptions));
    if (!parser_) throw Error(ErrorKind::Library, "cmark-gfm could not create a parser");
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
            cmark_parser_attach_syntax_extension(parser_.get(), ext);
        }
    }
    cmark_parser_feed(parser_.get(), markdown.data(), markdown.size());
    root_.reset(cmark_parser_finish(parser_.get()));
    if (!root_) throw Error(ErrorKind::Library, "cmark-gfm could not parse the document");
}

std::string MarkdownTree::html() const {
    CmarkString out(cmark_render_html(root_.get(), kRenderOptions,
                                      cmark_parser_get_syntax_extensions(parser_.get())));
    return out ? std::string(out.get()) : std::string();
}

std::string literal_text(cmark_node* node) {
    std::string out;
    IterPtr iter(cmark_iter_new(node));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* cur = cmark_iter_get_node(iter.get());
        switch (cmark_node_get_type(cur)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                if (const char* lit = cmark_node_get_literal(cur)) out += lit;
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                out += ' ';
                break;
            default:
                break;
        }
    }
    return out;
}

}  // namespace lectern::render::detail
