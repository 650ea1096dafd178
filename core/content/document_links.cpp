#include "content/document_links.hpp"

#include <algorithm>

#include "render/markdown.hpp"

namespace lectern::content {

std::vector<const Document*> linked_documents(const Space& space, const Document& doc) {
    std::vector<const Document*> out;
    if (doc.type == DocumentType::Quiz) return out;
    for (const auto& link : render::outline(doc.body).links) {
        if (render::is_external_or_anchor(link.target)) continue;
        const Document* dest = space.resolve_link(doc.path, link.target);
        if (!dest || dest == &doc) continue;
        if (std::find(out.begin(), out.end(), dest) == out.end()) out.push_back(dest);
    }
    return out;
}

}  // namespace lectern::content
