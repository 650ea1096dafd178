#include "content/space.hpp"

#include <filesystem>
#include <optional>

namespace lectern::content {

std::string_view to_string(DocumentType type) {
    switch (type) {
        case DocumentType::Procedure:
            return "procedure";
        case DocumentType::Script:
            return "script";
        case DocumentType::Lesson:
            return "lesson";
        case DocumentType::Quiz:
            return "quiz";
    }
    return "procedure";
}

std::optional<DocumentType> document_type_from_string(std::string_view name) {
    for (auto t : {DocumentType::Procedure, DocumentType::Script, DocumentType::Lesson,
                   DocumentType::Quiz}) {
        if (to_string(t) == name) return t;
    }
    return std::nullopt;
}

const Document* Space::find_by_id(std::string_view id) const {
    const auto at = by_id_.find(documents_, id);
    return at ? &documents_[*at] : nullptr;
}

const Document* Space::find_by_path(std::string_view relative_path) const {
    const auto at = by_path_.find(documents_, relative_path);
    return at ? &documents_[*at] : nullptr;
}

const Document* Space::find(std::string_view id_or_path) const {
    if (id_or_path.rfind("id:", 0) == 0) return find_by_id(id_or_path.substr(3));
    if (const Document* d = find_by_id(id_or_path)) return d;
    const std::string normal =
        std::filesystem::path(id_or_path).lexically_normal().generic_string();
    return find_by_path(normal);
}

namespace {

// What a link target names: an id (after "id:") or a path relative to the space root.
struct LinkName {
    bool by_id = false;
    std::string name;
};

std::optional<LinkName> link_name(std::string_view from_path, std::string_view target) {
    if (auto hash = target.find('#'); hash != std::string_view::npos)
        target = target.substr(0, hash);
    if (target.empty()) return std::nullopt;
    if (target.rfind("id:", 0) == 0) return LinkName{true, std::string(target.substr(3))};
    const std::filesystem::path base = std::filesystem::path(from_path).parent_path();
    return LinkName{false,
                    (base / std::filesystem::path(target)).lexically_normal().generic_string()};
}

}  // namespace

const Document* Space::resolve_link(std::string_view from_path, std::string_view target) const {
    const auto name = link_name(from_path, target);
    if (!name) return nullptr;
    return name->by_id ? find_by_id(name->name) : find_by_path(name->name);
}

bool Space::names_left_out_document(std::string_view from_path, std::string_view target) const {
    const auto name = link_name(from_path, target);
    if (!name) return false;
    return name->by_id ? left_out_ids_.count(name->name) > 0
                       : left_out_paths_.count(name->name) > 0;
}

}  // namespace lectern::content
