#include "store/reader_pool.hpp"

#include <utility>

namespace lectern::server {

ReaderPool::ReaderPool(std::filesystem::path file, std::size_t limit)
    : file_(std::move(file)), limit_(limit < 1 ? 1 : limit) {}

ReaderPool::Lease::Lease(ReaderPool& pool, std::unique_ptr<Database> db)
    : pool_(pool), db_(std::move(db)) {}

ReaderPool::Lease::~Lease() {
    pool_.give_back(std::move(db_));
}

ReaderPool::Lease ReaderPool::lend() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !idle_.empty() || open_ < limit_; });
    if (!idle_.empty()) {
        auto db = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(db));
    }
    ++open_;
    lock.unlock();
    // Opening reads the file: outside the lock, so that lending idle connections goes on.
    try {
        return Lease(*this, std::make_unique<Database>(file_));
    } catch (...) {
        lock.lock();
        --open_;
        returned_.notify_one();
        throw;
    }
}

void ReaderPool::give_back(std::unique_ptr<Database> db) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(db));
    }
    returned_.notify_one();
}

}  // namespace lectern::server
