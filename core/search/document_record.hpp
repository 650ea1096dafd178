#pragma once
// What the index keeps of each document to show a result without reading the file
// (internal to core/search): stored, compressed, in the document's record value slot.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::search {

/// A lesson's step as search sees it: where it starts, its caption and its transcript.
struct StepRecord {
    double at = 0;
    std::string caption;
    std::string text;
};

struct DocumentRecord {
    std::string id;
    std::string title;
    std::string type;
    std::string lang;
    std::string path;
    std::string version;            ///< git blob id of the file
    std::string text;               ///< plain text of the body, for snippets
    std::vector<StepRecord> steps;  ///< lessons: to say which step a hit is in
};

/// A compact binary form: each field as a length (LEB128) and its bytes, in order, compressed
/// with zstd at its fastest level. Xapian compresses a document's data with zlib at its
/// default level on every add; a value it keeps as given, so the record goes into a value
/// slot compressed here, at a sixth of zlib's CPU (docs/search.md, "What is indexed").
std::string serialize(const DocumentRecord& record);
/// The record back, or nullopt when the bytes are not one (damaged, or from another version).
std::optional<DocumentRecord> deserialize_record(std::string_view bytes);

}  // namespace lectern::search
