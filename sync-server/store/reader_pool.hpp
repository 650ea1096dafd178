#pragma once
// Connections to the server database for the reads every request makes (a token, a role):
// each lent to one thread at a time, so that concurrent requests read side by side (SQLite's
// WAL lets readers run together) instead of queueing for one connection behind a mutex.

#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "store/database.hpp"

namespace lectern::server {

class ReaderPool {
  public:
    /// Opens connections to `file` as they are needed, at most `limit` of them.
    ReaderPool(std::filesystem::path file, std::size_t limit);

    /// A connection lent to the caller until this goes.
    class Lease {
      public:
        Lease(ReaderPool& pool, std::unique_ptr<Database> db);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Database& operator*() const { return *db_; }
        Database* operator->() const { return db_.get(); }

      private:
        ReaderPool& pool_;
        std::unique_ptr<Database> db_;
    };

    /// An idle connection, a new one while fewer than `limit` are open, else the first one
    /// given back.
    Lease lend();

  private:
    void give_back(std::unique_ptr<Database> db);

    std::filesystem::path file_;
    std::size_t limit_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<Database>> idle_;
    std::size_t open_ = 0;
};

}  // namespace lectern::server
