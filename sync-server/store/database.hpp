#pragma once
// A SQLite connection and its prepared statements, with errors translated to lectern::Error.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sqlite_handles.hpp"

namespace lectern::server {

/// One prepared statement. Bind with bind(), step with step() until it returns false.
class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);
    /// A statement the connection keeps for reuse: reset and its bindings cleared when this
    /// object goes.
    Statement(sqlite3* db, sqlite3_stmt* kept);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind_null(int index);
    /// Binds an optional: null when empty.
    Statement& bind(int index, const std::optional<std::int64_t>& value);

    /// Advances to the next row; false when there is none. Throws Error(Library) on failure.
    bool step();
    /// Runs a statement that returns no rows.
    void run();

    std::int64_t column_int(int index) const;
    std::string column_text(int index) const;
    std::optional<std::int64_t> column_optional_int(int index) const;

  private:
    sqlite3* db_;
    SqliteStatementPtr owned_;
    sqlite3_stmt* stmt_;
};

/// A connection opened in WAL mode with foreign keys on. Used by one thread at a time (opened
/// without SQLite's own mutex): its owner serialises the callers.
class Database {
  public:
    explicit Database(const std::filesystem::path& file);

    Statement prepare(std::string_view sql) { return Statement(db_.get(), sql); }
    /// The statement prepared once and kept for the connection's life: for the queries every
    /// request runs (a token check, a role), where preparing costs more than running. One user
    /// of a given SQL text at a time, as for the connection itself.
    Statement prepare_kept(const std::string& sql);
    void exec(std::string_view sql);
    std::int64_t last_insert_id() const;
    /// Rows changed by the last statement.
    int changes() const;

  private:
    SqliteDatabasePtr db_;
    std::unordered_map<std::string, SqliteStatementPtr> kept_;
};

/// Commits on commit(); rolls back if destroyed before.
class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    Database& db_;
    bool done_ = false;
};

}  // namespace lectern::server
