#include "search/rebuild_direct.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "content/document_view.hpp"
#include "search/document_terms.hpp"

namespace lectern::search {

namespace {

// Documents made but not yet added: enough to keep the writer busy while the maker waits
// for a core, few enough to hold little memory.
constexpr std::size_t kQueued = 64;

}  // namespace

std::optional<SpellingCounts> build_direct(const PartsBuild& build,
                                           const std::filesystem::path& dest) {
    const auto& docs = build.documents;
    const std::size_t total = docs.size();
    SpellingCounts spelling;

    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Xapian::Document> queue;
    bool made_all = false;
    bool stop = false;
    std::exception_ptr failure;

    // The maker thread has its own DocumentTerms. Each finished document is moved into the
    // queue and out of it under the lock, so no Xapian object is ever used by both threads
    // at once (their reference counts are not atomic).
    std::thread maker([&] {
        try {
            DocumentTerms terms(spelling);
            for (const content::Document& doc : docs) {
                Xapian::Document xd =
                    terms.make(doc, content::document_searchable_text(doc), build.stamp(doc.path));
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stop || queue.size() < kQueued; });
                if (stop) break;
                queue.push_back(std::move(xd));
                changed.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            failure = std::current_exception();
        }
        std::lock_guard lock(mutex);
        made_all = true;
        changed.notify_all();
    });
    const auto stop_maker = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        changed.notify_all();
        maker.join();
    };

    try {
        Xapian::WritableDatabase db(dest.string(),
                                    Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        for (std::size_t added = 0;; ++added) {
            if (added % 16 == 0) {
                if (build.progress.cancelled()) {
                    stop_maker();
                    return std::nullopt;
                }
                build.progress.step("indexing", added, total);
            }
            Xapian::Document xd;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return !queue.empty() || made_all; });
                if (queue.empty()) break;
                xd = std::move(queue.front());
                queue.pop_front();
                changed.notify_all();
            }
            db.add_document(xd);
        }
        stop_maker();
        if (failure) std::rethrow_exception(failure);
        build.progress.step("saving", total, total);
        db.commit();
    } catch (...) {
        if (maker.joinable()) stop_maker();
        throw;
    }
    return spelling;
}

}  // namespace lectern::search
