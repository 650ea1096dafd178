#include "content/document_view.hpp"

#include "render/markdown.hpp"

namespace lectern::content {

std::string document_html(const Space& space, const Document& doc) {
    if (doc.type == DocumentType::Quiz) return "<pre>" + render::escape_html(doc.body) + "</pre>\n";
    return markdown_html(space, doc, doc.body);
}

std::string markdown_html(const Space& space, const Document& doc, std::string_view markdown) {
    render::RenderOptions options;
    options.resolve_link = [&](std::string_view target) -> std::optional<std::string> {
        const Document* dest = space.resolve_link(doc.path, target);
        if (!dest) return std::nullopt;
        std::string href = std::string(kDocumentLinkPrefix) + dest->id;
        if (auto hash = target.find('#'); hash != std::string_view::npos)
            href += target.substr(hash);
        return href;
    };
    return render::render_html(markdown, options);
}

std::string document_text(const Document& doc) {
    if (doc.type == DocumentType::Quiz) return doc.body;
    return render::extract_text(doc.body);
}

namespace {

// A GIFT file without its comment lines ("// section: …" pins, Moodle's "// [id:…]", notes for
// trainers): what an agent searches a quiz by is its questions and answers.
std::string gift_without_comments(std::string_view gift) {
    std::string out;
    out.reserve(gift.size());
    std::size_t start = 0;
    while (start < gift.size()) {
        std::size_t end = gift.find('\n', start);
        end = end == std::string_view::npos ? gift.size() : end + 1;
        const std::string_view line = gift.substr(start, end - start);
        const std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line.substr(first, 2) != "//") out += line;
        start = end;
    }
    return out;
}

}  // namespace

render::SearchableText document_searchable_text(const Document& doc) {
    if (doc.type == DocumentType::Quiz) return {gift_without_comments(doc.body), {}};
    return render::searchable_text(doc.body);
}

}  // namespace lectern::content
