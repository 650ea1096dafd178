#pragma once
// The documents of a content space as the rest of Lectern sees them.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace lectern::content {

enum class DocumentType { Procedure, Script, Lesson, Quiz };

/// "procedure", "script", "lesson", "quiz".
std::string_view to_string(DocumentType type);
/// The type named by a front-matter `type` value, if it is one.
std::optional<DocumentType> document_type_from_string(std::string_view name);

enum class SignoffRule { None, Optional, Required };

/// One procedure, script, lesson or quiz: its front matter and its body.
struct Document {
    std::string id;
    DocumentType type = DocumentType::Procedure;
    std::string title;
    std::string lang;
    std::string owner;
    std::string updated;  ///< YYYY-MM-DD
    std::string summary;
    std::vector<std::string> tags;
    std::string translation_of;  ///< id of the original, empty if this is one

    std::string review_by;  ///< procedures: YYYY-MM-DD
    SignoffRule signoff = SignoffRule::None;
    std::vector<std::string> audience;  ///< scripts

    std::string path;         ///< relative to the space root, with '/' separators
    std::string blob_id;      ///< git blob id of the file's bytes: the document's version
    std::string body;         ///< Markdown (or GIFT for quizzes) after the front matter
    int body_first_line = 1;  ///< line of the file where `body` starts
    /// Every front-matter field, including those of later subsystems (quiz settings,
    /// lesson chapters). Never null for a loaded document.
    std::shared_ptr<const nlohmann::json> front_matter;
};

/// One required item of an onboarding path.
struct PathItem {
    std::string ref;  ///< id of a document
    int due_days = 0;
    int line = 0;
};

struct PathSection {
    std::string title;
    std::vector<PathItem> items;
};

/// An onboarding path (paths/*.yaml): what a role must complete, in order.
struct OnboardingPath {
    std::string id;
    std::string title;
    std::string lang;
    std::string role;
    std::string owner;
    std::string updated;
    std::string path;
    std::vector<PathSection> sections;
};

/// lectern.yaml
struct SpaceManifest {
    std::string title;
    std::string client;
    std::vector<std::string> languages;
    std::string default_lang = "en";
    int auto_lock_minutes = 15;
};

/// One line of synonyms.txt: words search treats as the same.
struct SynonymGroup {
    std::vector<std::string> words;
    int line = 0;
};

}  // namespace lectern::content
