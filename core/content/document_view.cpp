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

render::SearchableText document_searchable_text(const Document& doc) {
    if (doc.type == DocumentType::Quiz) return {doc.body, {}};
    return render::searchable_text(doc.body);
}

}  // namespace lectern::content
