#pragma once
// Reads the files of a space into a Space (private to core/content; use Space::load).

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/cancel_token.hpp"
#include "content/front_matter.hpp"
#include "content/space.hpp"

namespace lectern::content {

class SpaceLoader {
  public:
    SpaceLoader(const std::filesystem::path& root, Diagnostics& out);
    Space load();
    /// Reads only these files (and the manifest and synonyms) instead of walking the tree.
    void select(const std::vector<std::string>& relative_paths);
    /// Stops walking and reading at the next file once `cancel` is set; load() then returns
    /// what it had, which the caller drops.
    void stop_on(const CancelToken& cancel) { cancel_ = &cancel; }

  private:
    enum class FileKind {
        Manifest,
        Synonyms,
        Procedure,
        Script,
        Lesson,
        Quiz,
        Path,
        Ignored,
        Unknown
    };

    /// One document file read and checked on its own, before it joins the space.
    struct ParsedDocument {
        bool read = false;                 ///< the file could be read at all
        std::optional<Document> document;  ///< absent when it has errors of its own
        LocatedJson fields;
        std::string left_out_id;  ///< the id of a document left out for its front matter
        Diagnostics problems;
    };

    FileKind classify(const std::string& rel) const;
    void walk();
    bool read_file(const std::string& rel, std::string& bytes, Diagnostics& out) const;
    void load_manifest(const std::string& rel, const std::string& bytes);
    void load_synonyms(const std::string& rel, const std::string& bytes);
    ParsedDocument parse_document(const std::string& rel, DocumentType type) const;
    void add_document(ParsedDocument parsed);
    std::vector<ParsedDocument> parse_documents(
        const std::vector<std::pair<std::string, DocumentType>>& files) const;
    void load_path(const std::string& rel, const std::string& bytes);
    void check_references();

    Space space_;
    Diagnostics& out_;
    std::vector<std::pair<std::string, FileKind>> files_;
    std::set<std::string> unknown_folders_;
    bool saw_manifest_ = false;
    const CancelToken* cancel_ = nullptr;
    bool cancelled() const { return cancel_ && cancel_->cancelled(); }
    // A reference to a document left out for its own errors is not reported again.
    bool is_known_id(const std::string& id) const;
    bool selected_ = false;
    // Located front matter of each loaded document and path, for reference checks.
    std::vector<LocatedJson> document_fields_;
    std::vector<LocatedJson> path_fields_;
};

}  // namespace lectern::content
