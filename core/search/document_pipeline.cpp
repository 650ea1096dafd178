#include "search/document_pipeline.hpp"

#include "content/document_view.hpp"
#include "search/terms.hpp"

namespace lectern::search {

void SpellingCounts::add(const Xapian::Document& doc) {
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        if (terms::is_spelling_word(*t)) ++counts_[*t];
    }
}

void SpellingCounts::write(Xapian::WritableDatabase& db) const {
    for (const auto& [word, n] : counts_) db.add_spelling(word, n);
}

DocumentPipeline::DocumentPipeline(const std::vector<content::Document>& docs, DocumentTerms& terms,
                                   SpellingCounts& spelling, Stamp stamp)
    : docs_(docs), terms_(terms), spelling_(spelling), stamp_(std::move(stamp)) {
    thread_ = std::thread([this] { produce(); });
}

DocumentPipeline::~DocumentPipeline() {
    stop();
}

void DocumentPipeline::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void DocumentPipeline::produce() {
    try {
        for (const auto& doc : docs_) {
            // A Xapian::Document's reference count is not atomic: it is made and counted here,
            // then moved to the queue, and this thread keeps no copy of it.
            Xapian::Document xd =
                terms_.make(doc, content::document_searchable_text(doc), stamp_(doc.path));
            spelling_.add(xd);
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || queue_.size() < kQueued; });
            if (stopping_) return;
            queue_.push_back(std::move(xd));
            lock.unlock();
            changed_.notify_all();
        }
    } catch (...) {
        std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
    }
    {
        std::lock_guard lock(mutex_);
        finished_ = true;
    }
    changed_.notify_all();
}

std::optional<Xapian::Document> DocumentPipeline::next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !queue_.empty() || finished_; });
    if (queue_.empty()) {
        lock.unlock();
        stop();
        if (failure_) std::rethrow_exception(failure_);
        return std::nullopt;
    }
    Xapian::Document xd = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    changed_.notify_all();
    return xd;
}

}  // namespace lectern::search
