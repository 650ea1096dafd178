#pragma once
// Answers of upload-pack kept on disk, so that identical requests against unchanged refs are
// answered by copying a file instead of running git again: at the start of a shift every agent
// of a space asks for the same new commits with the same haves.
//
// The caller builds the key from everything that decides the answer (space, repository, the
// request body, the refs; see cached_upload_pack.cpp), so an entry is never invalidated: once
// a ref moves, no request has its key any more and it ages out. Entries live in one folder,
// bounded in total size, the least recently used evicted first. Concurrent requests for a key
// that is being produced wait for it instead of running git too.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "process/child_process.hpp"

namespace lectern::server {

struct UploadPackCacheOptions {
    std::filesystem::path dir;
    /// Total size of the stored answers; an answer larger than a quarter of it is not stored.
    std::uint64_t max_bytes = std::uint64_t{2} << 30;
    /// How long a request waits for another one producing the same answer before running git
    /// itself.
    std::chrono::milliseconds wait_for_producer{60'000};
};

class UploadPackCache {
  public:
    /// Creates the folder, emptied: answers of an earlier run are dropped (a crash can leave
    /// one half written, and they are cheap to make again). Throws Error(Io).
    explicit UploadPackCache(UploadPackCacheOptions options);
    UploadPackCache(const UploadPackCache&) = delete;
    UploadPackCache& operator=(const UploadPackCache&) = delete;

    /// Writes one answer as it is sent, and stores it when it is complete.
    class Fill {
      public:
        Fill(const Fill&) = delete;
        Fill& operator=(const Fill&) = delete;
        /// Abandons the answer unless finish() stored it; requests waiting for it go on.
        ~Fill();
        /// Appends to the answer. Past the size bound, or on a disk error, the answer is still
        /// sent but will not be stored.
        void write(std::string_view bytes);
        /// Stores the answer if `complete` and every write succeeded; either way the requests
        /// waiting for this key go on (to the stored answer, or to run git themselves).
        void finish(bool complete);

      private:
        friend class UploadPackCache;
        Fill(UploadPackCache& cache, std::string key, UniqueFd file);
        UploadPackCache& cache_;
        std::string key_;
        UniqueFd file_;
        std::uint64_t size_ = 0;
        bool failed_ = false;
        bool finished_ = false;
    };

    struct Lookup {
        /// The stored answer, open for reading, if there is one.
        UniqueFd hit;
        /// Otherwise the caller produces the answer and writes it here. Both empty: answer
        /// without the cache (another request took too long producing it, or the disk failed).
        std::unique_ptr<Fill> fill;
    };
    /// `key` is a lowercase hex digest.
    Lookup lookup(const std::string& key);

    struct Stats {
        std::uint64_t entries = 0;
        std::uint64_t bytes = 0;
        std::uint64_t evictions = 0;
    };
    Stats stats() const;

  private:
    std::filesystem::path entry_path(const std::string& key) const;
    std::filesystem::path temp_path(const std::string& key) const;
    void store(const std::string& key, std::uint64_t size);  // holds mutex_
    void release(const std::string& key);                    // holds mutex_
    void touch(const std::string& key);                      // holds mutex_

    struct Entry {
        std::uint64_t size = 0;
        std::list<std::string>::iterator lru;  ///< its place in lru_
    };

    const UploadPackCacheOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable produced_;
    std::unordered_map<std::string, Entry> entries_;
    std::list<std::string> lru_;  ///< most recently used first
    std::set<std::string> in_production_;
    std::uint64_t bytes_ = 0;
    std::uint64_t evictions_ = 0;
};

}  // namespace lectern::server
