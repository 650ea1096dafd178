#include "render/markdown.hpp"

#include <algorithm>
#include <array>

#include "common/text.hpp"
#include "render/markdown_tree.hpp"

namespace lectern::render {

using detail::IterPtr;
using detail::MarkdownTree;

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    return std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
        return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : b);
    });
}

// A URL with a scheme is "scheme:..." where the scheme comes before any '/', '?' or '#'.
bool has_scheme(std::string_view url) {
    const auto colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    return url.find_first_of("/?#") > colon;
}

// Rewrites every link and image URL through the allow-list and the resolver.
void sanitize_urls(cmark_node* root, const RenderOptions& options) {
    IterPtr iter(cmark_iter_new(root));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        const auto type = cmark_node_get_type(node);
        if (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE) continue;
        const char* raw = cmark_node_get_url(node);
        std::string url = raw ? raw : "";
        std::string safe;
        if (is_external_or_anchor(url)) {
            // Images load nothing from the network: the app works offline and a remote image
            // in a procedure would tell a third party who reads it when.
            if (type == CMARK_NODE_LINK) safe = url;
        } else if (!has_scheme(url) || starts_with_ci(url, "id:")) {
            if (options.resolve_link) safe = options.resolve_link(url).value_or("");
        }
        cmark_node_set_url(node, safe.c_str());
    }
}

void collect_text(cmark_node* root, std::string& out) {
    IterPtr iter(cmark_iter_new(root));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        const auto type = cmark_node_get_type(node);
        if (ev == CMARK_EVENT_EXIT) {
            if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
                type == CMARK_NODE_ITEM) {
                if (!out.empty() && out.back() != '\n') out += '\n';
            }
            continue;
        }
        switch (type) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
            case CMARK_NODE_CODE_BLOCK:
                if (const char* lit = cmark_node_get_literal(node)) out += lit;
                if (type == CMARK_NODE_CODE_BLOCK && !out.empty() && out.back() != '\n')
                    out += '\n';
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                out += ' ';
                break;
            default:
                // Table cells are extension nodes: separate them so words do not run together.
                if (std::string_view(cmark_node_get_type_string(node)) == "table_cell" &&
                    !out.empty() && out.back() != '\n' && out.back() != ' ') {
                    out += ' ';
                }
                break;
        }
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
}

}  // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

bool is_external_or_anchor(std::string_view url) {
    static constexpr std::array<std::string_view, 5> kAllowed = {"http://", "https://",
                                                                 "mailto:", "tel:", "#"};
    return std::any_of(kAllowed.begin(), kAllowed.end(),
                       [&](std::string_view p) { return starts_with_ci(url, p); });
}

std::string render_html(std::string_view markdown, const RenderOptions& options) {
    MarkdownTree tree(markdown);
    sanitize_urls(tree.root(), options);
    return tree.html();
}

std::string extract_text(std::string_view markdown) {
    MarkdownTree tree(markdown);
    std::string out;
    collect_text(tree.root(), out);
    return out;
}

namespace {

Heading heading_of(cmark_node* node) {
    std::string text = detail::literal_text(node);
    std::string anchor = heading_anchor(text);
    return {cmark_node_get_heading_level(node), std::move(text), std::move(anchor),
            cmark_node_get_start_line(node)};
}

}  // namespace

SearchableText searchable_text(std::string_view markdown) {
    MarkdownTree tree(markdown);
    SearchableText result;
    collect_text(tree.root(), result.text);
    IterPtr iter(cmark_iter_new(tree.root()));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING)
            result.headings.push_back(heading_of(node));
    }
    return result;
}

Outline outline(std::string_view markdown) {
    MarkdownTree tree(markdown);
    Outline result;
    IterPtr iter(cmark_iter_new(tree.root()));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter.get());
        const auto type = cmark_node_get_type(node);
        if (type == CMARK_NODE_HEADING) {
            result.headings.push_back(heading_of(node));
        } else if (type == CMARK_NODE_LINK) {
            const char* url = cmark_node_get_url(node);
            result.links.push_back({url ? url : "", detail::literal_text(node),
                                    cmark_node_get_start_line(node),
                                    cmark_node_get_start_column(node)});
        }
    }
    return result;
}

}  // namespace lectern::render
