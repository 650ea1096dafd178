#pragma once
// Markdown to safe HTML, plain text and an outline, with cmark-gfm behind the scenes.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::render {

/// Turns a link target written in a document (a relative path or `id:...`, maybe with
/// `#section`) into the href to emit, or nullopt when it names no document of the space.
using LinkResolver = std::function<std::optional<std::string>(std::string_view target)>;

struct RenderOptions {
    /// Called for every link that is neither a web, mail or phone link nor an in-page
    /// anchor. Without a resolver such links are left out (the text stays).
    LinkResolver resolve_link;
};

/// Renders Markdown (tables, task lists, strikethrough, autolinks) to HTML that is safe
/// to show whatever the input: raw HTML never passes, and only http, https, mailto, tel,
/// in-page anchors and resolved document links survive as URLs. Never throws on input.
std::string render_html(std::string_view markdown, const RenderOptions& options = {});

/// The words of a document without markup, blocks separated by newlines: for search
/// and snippets. Code is kept as text; raw HTML is dropped.
std::string extract_text(std::string_view markdown);

/// Escapes text for HTML element content and quoted attribute values (& < > ").
std::string escape_html(std::string_view text);

/// True for links rendering keeps as they are: http(s), mailto, tel and `#anchor`.
bool is_external_or_anchor(std::string_view url);

struct Heading {
    int level = 0;
    std::string text;
    std::string anchor;  ///< as GitHub makes it
    int line = 0;        ///< 1-based, in the Markdown given
};

struct Link {
    std::string target;
    std::string text;
    int line = 0;
    int column = 0;
};

/// Headings and links of a document, in order, with their positions.
struct Outline {
    std::vector<Heading> headings;
    std::vector<Link> links;
};
Outline outline(std::string_view markdown);

/// What search indexes of a document: the text of extract_text() and the headings of
/// outline(), from one parse (parsing is most of the cost of either).
struct SearchableText {
    std::string text;
    std::vector<Heading> headings;
};
SearchableText searchable_text(std::string_view markdown);

}  // namespace lectern::render
