#pragma once
// Makes the Xapian documents of a rebuild on a second thread while the caller adds them to
// the database (internal to core/search). On two cores, reading Markdown and generating terms
// then overlaps Xapian's own work, which is about half of a rebuild.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "content/document.hpp"
#include "search/document_terms.hpp"

namespace lectern::search {

/// Spelling words of a whole rebuild, counted first and written once each: far fewer calls
/// into Xapian than one per word per document.
class SpellingCounts {
  public:
    void add(const Xapian::Document& doc);
    void write(Xapian::WritableDatabase& db) const;

  private:
    std::unordered_map<std::string, Xapian::termcount> counts_;
};

class DocumentPipeline {
  public:
    using Stamp = std::function<std::string(const std::string& path)>;

    /// Starts making the documents of `docs`, in order. `terms` and `spelling` belong to the
    /// pipeline's thread until next() has returned nullopt or the pipeline is destroyed.
    DocumentPipeline(const std::vector<content::Document>& docs, DocumentTerms& terms,
                     SpellingCounts& spelling, Stamp stamp);
    /// Stops the thread (it finishes the document it is making) and waits for it.
    ~DocumentPipeline();
    DocumentPipeline(const DocumentPipeline&) = delete;
    DocumentPipeline& operator=(const DocumentPipeline&) = delete;

    /// The next document made, or nullopt after the last one. Rethrows what the thread threw.
    std::optional<Xapian::Document> next();

  private:
    void produce();
    void stop();

    static constexpr std::size_t kQueued = 32;  // bounded: memory stays flat on large spaces

    const std::vector<content::Document>& docs_;
    DocumentTerms& terms_;
    SpellingCounts& spelling_;
    Stamp stamp_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Xapian::Document> queue_;
    bool finished_ = false;
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

}  // namespace lectern::search
