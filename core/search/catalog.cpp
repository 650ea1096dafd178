#include "search/catalog.hpp"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "search/field_codec.hpp"
#include "search/index_state.hpp"
#include "search/terms.hpp"
#include "search/xapian_errors.hpp"

namespace lectern::search {

namespace {

namespace fs = std::filesystem;

constexpr char kEntryVersion = 1;

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) (out += item) += '\n';
    return out;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (auto end = text.find('\n'); end != std::string::npos; end = text.find('\n', from)) {
        out.push_back(text.substr(from, end - from));
        from = end + 1;
    }
    return out;
}

std::string signoff_name(content::SignoffRule rule) {
    switch (rule) {
        case content::SignoffRule::Required:
            return "required";
        case content::SignoffRule::Optional:
            return "optional";
        case content::SignoffRule::None:
            break;
    }
    return {};
}

bool keeps_front_matter(content::DocumentType type) {
    return type == content::DocumentType::Quiz || type == content::DocumentType::Lesson;
}

std::optional<content::Document> parse_entry(std::string_view in,
                                             const std::shared_ptr<const nlohmann::json>& empty) {
    if (in.empty() || in.front() != kEntryVersion) return std::nullopt;
    in.remove_prefix(1);
    content::Document doc;
    std::string type, tags, signoff, audience, first_line, fields;
    for (std::string* field : {&doc.id, &type, &doc.title, &doc.lang, &doc.owner, &doc.updated,
                               &doc.summary, &tags, &doc.translation_of, &doc.review_by, &signoff,
                               &audience, &doc.path, &doc.blob_id, &first_line, &fields}) {
        if (!codec::get(in, *field)) return std::nullopt;
    }
    const auto parsed_type = content::document_type_from_string(type);
    if (!parsed_type) return std::nullopt;
    doc.type = *parsed_type;
    doc.tags = split_lines(tags);
    doc.audience = split_lines(audience);
    doc.signoff = signoff == "required"   ? content::SignoffRule::Required
                  : signoff == "optional" ? content::SignoffRule::Optional
                                          : content::SignoffRule::None;
    doc.body_first_line = std::atoi(first_line.c_str());
    if (fields.empty()) {
        doc.front_matter = empty;
    } else {
        auto json = nlohmann::json::parse(fields, nullptr, false);
        if (json.is_discarded()) return std::nullopt;
        doc.front_matter = std::make_shared<const nlohmann::json>(std::move(json));
    }
    return doc;
}

std::string canonical_string(const fs::path& p) {
    std::error_code ec;
    const fs::path c = fs::canonical(p, ec);
    return (ec ? fs::absolute(p) : c).string();
}

}  // namespace

std::string catalog_entry(const content::Document& doc) {
    std::string out(1, kEntryVersion);
    const std::string fields =
        keeps_front_matter(doc.type) && doc.front_matter ? doc.front_matter->dump() : std::string();
    for (const std::string& field :
         {doc.id, std::string(content::to_string(doc.type)), doc.title, doc.lang, doc.owner,
          doc.updated, doc.summary, joined(doc.tags), doc.translation_of, doc.review_by,
          signoff_name(doc.signoff), joined(doc.audience), doc.path, doc.blob_id,
          std::to_string(doc.body_first_line), fields}) {
        codec::put(out, field);
    }
    return out;
}

std::optional<std::vector<content::Document>> read_catalog(const IndexConfig& config) {
    const fs::path dir = config.resolved_index_dir();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return std::nullopt;
    try {
        Xapian::Database db(dir.string());
        const IndexState state = read_state(db);
        if (state.format != kIndexFormat || !state.complete ||
            state.space != canonical_string(config.space_root))
            return std::nullopt;
        // Values are kept apart from the documents' data (which holds every body's text), so
        // one stream over the slot reads the catalog without touching the bodies.
        const auto empty = std::make_shared<const nlohmann::json>(nlohmann::json::object());
        std::vector<content::Document> documents;
        documents.reserve(db.get_doccount());
        for (auto it = db.valuestream_begin(terms::kSlotCatalog);
             it != db.valuestream_end(terms::kSlotCatalog); ++it) {
            auto doc = parse_entry(*it, empty);
            if (!doc) return std::nullopt;  // not written by this version: update_index rebuilds
            documents.push_back(std::move(*doc));
        }
        if (documents.size() != db.get_doccount()) return std::nullopt;
        return documents;
    } catch (const Xapian::DatabaseOpeningError&) {
        return std::nullopt;  // not a database (yet): update_index() makes one
    } catch (const Xapian::Error& e) {
        throw xapian_error(e, "reading the search index at " + dir.string());
    }
}

}  // namespace lectern::search
