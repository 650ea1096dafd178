#pragma once
// Querying a space's search index. No Xapian types here.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace lectern::search {

/// How matched words are marked in snippets.
struct Highlight {
    std::string begin = "**";
    std::string end = "**";
    /// Escape the snippet's text for HTML (then begin and end are usually <mark>, </mark>).
    bool html = false;
};

struct SearchRequest {
    /// What the agent typed: words (the last one is a prefix while typing), "phrases",
    /// AND, OR, NOT, -word, +word, (groups), and filters type:script tag:refund lang:pl id:X.
    std::string query;
    /// Filters besides those in the query. Values within one list are alternatives.
    std::vector<std::string> types;
    std::vector<std::string> langs;
    std::vector<std::string> tags;
    std::size_t offset = 0;
    std::size_t limit = 10;
    /// Longest snippet, in characters; 0 leaves snippets out.
    std::size_t snippet_length = 180;
    Highlight highlight;
    bool spelling = true;  ///< correct words the index does not know
    bool synonyms = true;  ///< expand the words of synonyms.txt
};

struct SearchHit {
    std::string id;
    std::string title;
    std::string type;
    std::string path;
    std::string lang;
    std::string version;  ///< git blob id of the file indexed
    double score = 0;     ///< relevance weight; higher is better, comparable within one search
    int percent = 0;      ///< the score as a percentage of the best possible
    std::string snippet;  ///< a passage of the text with the matched words marked
    /// Lessons: the step (chapter, from 0) whose caption or transcript matched first, so the
    /// app can open the lesson there; -1 when the match is elsewhere or not a lesson.
    int step = -1;
    double step_at = 0;      ///< seconds: where that step starts in the video
    std::string step_title;  ///< its caption
};

/// A word the index does not know, and the word searched for instead.
struct Correction {
    std::string typed;
    std::string used;
};

struct SearchResults {
    std::vector<SearchHit> hits;
    std::size_t estimated_total = 0;  ///< matches in all, an estimate beyond the page
    /// Words corrected because the index has no such word: say so to the agent.
    std::vector<Correction> corrections;
    /// The query with the corrections made, when there are any ("Showing results for …").
    std::string corrected_query;
    /// How parts of the query were read or what happened to the index, for the agent.
    std::vector<std::string> notes;
};

/// Searches one index. Reads a snapshot of it: reopen() sees later updates. Not shared
/// between threads without a lock; each thread may have its own Searcher.
class Searcher {
  public:
    /// Opens the index in `index_dir`. Throws Error(NotFound) when there is none yet and
    /// Error(Library) when it cannot be read (run `lectern index --rebuild`).
    explicit Searcher(const std::filesystem::path& index_dir);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    /// Runs a query. A query that cannot be read as written is read as plainly as possible
    /// and a note says how; it never throws for that. Throws Error(Library) when the index
    /// cannot be read.
    SearchResults search(const SearchRequest& request);

    /// Moves to the latest version of the index; true if it had changed.
    bool reopen();

    /// The commit the index reflects, empty for a plain folder.
    std::string commit() const;
    std::size_t document_count() const;

  private:
    friend class SpaceIndex;
    /// search() that lets Xapian's exceptions through, for SpaceIndex to repair the index.
    SearchResults search_or_throw_xapian(const SearchRequest& request);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace lectern::search
