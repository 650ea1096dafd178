#include "cache/upload_pack_cache.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "common/error.hpp"
#include "common/log.hpp"

namespace lectern::server {

namespace fs = std::filesystem;

UploadPackCache::UploadPackCache(UploadPackCacheOptions options) : options_(std::move(options)) {
    std::error_code ec;
    fs::remove_all(options_.dir, ec);
    if (!ec) fs::create_directories(options_.dir, ec);
    if (ec) {
        throw Error(ErrorKind::Io, "cannot prepare the upload-pack cache folder " +
                                       options_.dir.string() + ": " + ec.message());
    }
}

fs::path UploadPackCache::entry_path(const std::string& key) const {
    return options_.dir / key;
}

fs::path UploadPackCache::temp_path(const std::string& key) const {
    return options_.dir / (key + ".part");
}

UploadPackCache::Lookup UploadPackCache::lookup(const std::string& key) {
    std::unique_lock lock(mutex_);
    const auto deadline = std::chrono::steady_clock::now() + options_.wait_for_producer;
    for (;;) {
        if (entries_.count(key)) {
            // Opened under the lock, so eviction cannot unlink it in between; once open, the
            // file stays readable even if it is evicted while being sent.
            UniqueFd fd(::open(entry_path(key).c_str(), O_RDONLY | O_CLOEXEC));
            if (fd) {
                touch(key);
                return {std::move(fd), nullptr};
            }
            log::warning(log::kServer, "upload-pack cache entry vanished: " + key);
            bytes_ -= entries_[key].size;
            lru_.erase(entries_[key].lru);
            entries_.erase(key);
        }
        if (!in_production_.count(key)) break;
        if (produced_.wait_until(lock, deadline) == std::cv_status::timeout &&
            in_production_.count(key)) {
            return {};
        }
    }
    UniqueFd file(::open(temp_path(key).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (!file) {
        log::warning(log::kServer,
                     "cannot write the upload-pack cache: " + std::string(std::strerror(errno)));
        return {};
    }
    in_production_.insert(key);
    return {UniqueFd(), std::unique_ptr<Fill>(new Fill(*this, key, std::move(file)))};
}

void UploadPackCache::touch(const std::string& key) {
    auto& entry = entries_.at(key);
    lru_.splice(lru_.begin(), lru_, entry.lru);
}

void UploadPackCache::store(const std::string& key, std::uint64_t size) {
    lru_.push_front(key);
    entries_[key] = Entry{size, lru_.begin()};
    bytes_ += size;
    while (bytes_ > options_.max_bytes && !lru_.empty()) {
        const std::string victim = lru_.back();
        lru_.pop_back();
        bytes_ -= entries_.at(victim).size;
        entries_.erase(victim);
        ++evictions_;
        std::error_code ec;
        fs::remove(entry_path(victim), ec);
    }
}

void UploadPackCache::release(const std::string& key) {
    in_production_.erase(key);
    produced_.notify_all();
}

UploadPackCache::Stats UploadPackCache::stats() const {
    std::lock_guard lock(mutex_);
    return {entries_.size(), bytes_, evictions_};
}

UploadPackCache::Fill::Fill(UploadPackCache& cache, std::string key, UniqueFd file)
    : cache_(cache), key_(std::move(key)), file_(std::move(file)) {}

UploadPackCache::Fill::~Fill() {
    if (!finished_) finish(false);
}

void UploadPackCache::Fill::write(std::string_view bytes) {
    if (failed_) return;
    if (size_ + bytes.size() > cache_.options_.max_bytes / 4) {
        failed_ = true;  // too big to keep: it would push out many smaller answers
        return;
    }
    while (!bytes.empty()) {
        const ssize_t n = ::write(file_.get(), bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            log::warning(log::kServer, "cannot write the upload-pack cache: " +
                                           std::string(std::strerror(errno)));
            failed_ = true;
            return;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
        size_ += static_cast<std::uint64_t>(n);
    }
}

void UploadPackCache::Fill::finish(bool complete) {
    if (finished_) return;
    finished_ = true;
    const bool keep = complete && !failed_ && ::close(file_.release()) == 0;
    file_.reset();
    std::error_code ec;
    std::lock_guard lock(cache_.mutex_);
    if (keep) {
        fs::rename(cache_.temp_path(key_), cache_.entry_path(key_), ec);
        if (!ec) cache_.store(key_, size_);
    }
    if (!keep || ec) fs::remove(cache_.temp_path(key_), ec);
    cache_.release(key_);
}

}  // namespace lectern::server
