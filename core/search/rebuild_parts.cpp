#include "search/rebuild_parts.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "content/document_view.hpp"
#include "search/document_terms.hpp"
#include "search/rebuild_direct.hpp"

namespace lectern::search {

namespace fs = std::filesystem;

namespace {

// Documents per part. Smaller parts keep Xapian's maps shallow: re-adding the documents of
// a generated 10,000-document index took 424, 482, 599 and 850 µs of CPU per document with
// parts of 250, 500, 1,000 and 2,500, merge included; at 50,000 documents, parts of 500
// instead of 782 took 14% less CPU and 28% less time, and whole rebuilds of 1,000 and 10,000
// documents 6-8% less CPU with parts of 250 than of 500. At most kMaxParts parts, because
// the merge opens every part at once, five files each: 128 parts stay well inside the 1,024
// open files a process may have by default.
constexpr std::size_t kMinPartSize = 250;
constexpr std::size_t kMaxParts = 128;
// Up to this many documents, parts would be few and small: their merge costs more than the
// second thread saves, so the space is built as one database (rebuild_direct.hpp).
constexpr std::size_t kMaxDirect = 500;

std::size_t part_size(std::size_t total) {
    return std::max(kMinPartSize, (total + kMaxParts - 1) / kMaxParts);
}

// The threads that make parts: two, or one on a single core. The process has other work
// (the UI, a sync) but rebuilds are rare and short.
unsigned worker_count(std::size_t parts) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<std::size_t>({2, cores, parts}));
}

fs::path part_path(const fs::path& parts_dir, std::size_t part) {
    return parts_dir / ("part-" + std::to_string(part));
}

// Removes the folder of the parts whatever happens to the build.
class PartsFolder {
  public:
    explicit PartsFolder(fs::path dir) : dir_(std::move(dir)) {
        std::error_code ec;
        fs::remove_all(dir_, ec);
        fs::create_directories(dir_);
    }
    ~PartsFolder() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    PartsFolder(const PartsFolder&) = delete;
    PartsFolder& operator=(const PartsFolder&) = delete;
    const fs::path& path() const noexcept { return dir_; }

  private:
    fs::path dir_;
};

}  // namespace

std::optional<SpellingCounts> build_in_parts(const PartsBuild& build, const fs::path& dest) {
    const auto& docs = build.documents;
    const std::size_t total = docs.size();
    const std::size_t size = part_size(total);
    const std::size_t parts = (total + size - 1) / size;
    if (total <= kMaxDirect) return build_direct(build, dest);
    const PartsFolder folder(dest.string() + ".parts");
    const unsigned workers = worker_count(parts);

    std::atomic<std::size_t> next_part{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable finished;
    unsigned running = workers;
    std::exception_ptr failure;
    std::vector<SpellingCounts> spelling(std::max(1u, workers));

    // Each thread has its own DocumentTerms (stem caches, stemmers) and its own databases:
    // no Xapian object is shared between threads (their reference counts are not atomic).
    const auto work = [&](unsigned worker) {
        try {
            DocumentTerms terms(spelling[worker]);
            for (std::size_t part = 0; !stop && (part = next_part++) < parts;) {
                Xapian::WritableDatabase db(part_path(folder.path(), part).string(),
                                            Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
                const std::size_t end = std::min(total, (part + 1) * size);
                for (std::size_t i = part * size; i < end; ++i) {
                    if (stop) break;
                    const content::Document& doc = docs[i];
                    Xapian::Document xd = terms.make(doc, content::document_searchable_text(doc),
                                                     build.stamp(doc.path));
                    db.add_document(xd);
                    ++done;
                }
                if (!stop) db.commit();
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            if (!failure) failure = std::current_exception();
            stop = true;
        }
        {
            std::lock_guard lock(mutex);
            --running;
        }
        finished.notify_all();
    };

    std::vector<std::thread> threads;
    for (unsigned w = 0; w < workers; ++w) threads.emplace_back(work, w);
    {
        std::unique_lock lock(mutex);
        while (
            !finished.wait_for(lock, std::chrono::milliseconds(50), [&] { return running == 0; })) {
            if (build.progress.cancelled()) stop = true;
            lock.unlock();
            build.progress.step("indexing", done, total);
            lock.lock();
        }
    }
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
    if (stop || build.progress.cancelled()) return std::nullopt;

    build.progress.step("saving", total, total);
    Xapian::Database all;
    for (std::size_t part = 0; part < parts; ++part) {
        all.add_database(Xapian::Database(part_path(folder.path(), part).string()));
    }
    // Document ids renumbered part after part: the order the documents were given in. One
    // pass over all the parts: DBCOMPACT_MULTIPASS merges the posting lists a few parts at a
    // time through temporary tables, which took the merge of 10,000 documents (40 parts) from
    // 0.33 to 0.46 s and of 50,000 (128 parts) from 1.7 to 2.5 s.
    all.compact(dest.string());

    SpellingCounts merged = std::move(spelling.front());
    for (std::size_t w = 1; w < spelling.size(); ++w) merged.merge(spelling[w]);
    return merged;
}

}  // namespace lectern::search
