#pragma once
// Owners of SQLite's C handles: every sqlite3 and sqlite3_stmt the server opens lives in one of
// these, so each is closed exactly once.

#include <sqlite3.h>

#include <memory>

namespace lectern::server {

struct SqliteDatabaseDeleter {
    void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct SqliteStatementDeleter {
    void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};

using SqliteDatabasePtr = std::unique_ptr<sqlite3, SqliteDatabaseDeleter>;
using SqliteStatementPtr = std::unique_ptr<sqlite3_stmt, SqliteStatementDeleter>;

}  // namespace lectern::server
