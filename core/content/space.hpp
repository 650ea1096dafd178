#pragma once
// A content space: every document of a folder or git working tree, loaded and checked.

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.hpp"
#include "content/document.hpp"
#include "content/document_index.hpp"

namespace lectern::content {

/// Files over this size are refused: content is text, videos live in Git LFS.
inline constexpr std::uintmax_t kMaxContentFileBytes = 1024 * 1024;

/// A loaded space. Documents with errors in their front matter are left out; everything
/// found wrong is in the Diagnostics given to load().
class Space {
  public:
    /// Loads every document under `root`. Reports every problem of every file to `out` and
    /// goes on. Throws Error(NotFound) when `root` is not a folder.
    static Space load(const std::filesystem::path& root, Diagnostics& out);
    /// Loads only the given files (paths relative to `root`, '/' separators), plus lectern.yaml
    /// and synonyms.txt: for callers that already know what changed, like the search index
    /// after a git diff. Paths that are missing or not documents are skipped; references to
    /// documents outside the set are not checked. Throws Error(NotFound) like load().
    static Space load_files(const std::filesystem::path& root,
                            const std::vector<std::string>& relative_paths, Diagnostics& out);

    /// A space whose documents come from elsewhere (the search index's catalog,
    /// search::read_catalog) instead of from reading every file: `documents` as given (one whose
    /// id or path is already taken is dropped), with lectern.yaml, synonyms.txt and paths/*.yaml
    /// read from `root`; their problems go to `out`. Throws Error(NotFound) like load().
    static Space assemble(const std::filesystem::path& root, std::vector<Document> documents,
                          Diagnostics& out);

    /// The document at `relative_path` as its file is now: body, every front-matter field and
    /// version. nullopt when the file is missing or not a valid document (problems in `out`).
    std::optional<Document> read_document(std::string_view relative_path, Diagnostics& out) const;

    const std::filesystem::path& root() const noexcept { return root_; }
    const SpaceManifest& manifest() const noexcept { return manifest_; }
    const std::vector<Document>& documents() const noexcept { return documents_; }
    const std::vector<OnboardingPath>& paths() const noexcept { return paths_; }
    const std::vector<SynonymGroup>& synonyms() const noexcept { return synonyms_; }

    /// The document with this id, or nullptr.
    const Document* find_by_id(std::string_view id) const;
    /// The document at this path relative to the root ('/' separators), or nullptr.
    const Document* find_by_path(std::string_view relative_path) const;
    /// A document named the way links and commands name one: an id, `id:ID`, or a path
    /// relative to the root. Returns nullptr when nothing matches.
    const Document* find(std::string_view id_or_path) const;
    /// Resolves a link target written in the document at `from_path` (relative path,
    /// `id:ID`, maybe with `#section`) to the document it names, or nullptr.
    const Document* resolve_link(std::string_view from_path, std::string_view target) const;
    /// True when a link target names a document that exists but was left out for errors of
    /// its own, so lint reports those errors and not a broken link as well.
    bool names_left_out_document(std::string_view from_path, std::string_view target) const;

  private:
    friend class SpaceLoader;
    std::filesystem::path root_;
    SpaceManifest manifest_;
    std::vector<Document> documents_;
    std::vector<OnboardingPath> paths_;
    std::vector<SynonymGroup> synonyms_;
    DocumentIndex by_id_{&Document::id};  // positions in documents_
    DocumentIndex by_path_{&Document::path};
    std::set<std::string, std::less<>> left_out_ids_;
    std::set<std::string, std::less<>> left_out_paths_;
};

}  // namespace lectern::content
