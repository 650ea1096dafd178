#include "store/database.hpp"

#include <string>
#include <utility>

#include "common/error.hpp"

namespace lectern::server {

namespace {

Error sqlite_error(sqlite3* db, std::string_view doing) {
    return Error(ErrorKind::Library, "the server database failed while " + std::string(doing) +
                                         ": " + sqlite3_errmsg(db));
}

SqliteStatementPtr prepare_statement(sqlite3* db, std::string_view sql, unsigned flags) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), flags, &raw, nullptr) !=
        SQLITE_OK) {
        throw sqlite_error(db, "preparing a statement");
    }
    return SqliteStatementPtr(raw);
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql)
    : db_(db), owned_(prepare_statement(db, sql, 0)), stmt_(owned_.get()) {}

Statement::Statement(sqlite3* db, sqlite3_stmt* kept) : db_(db), stmt_(kept) {}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), owned_(std::move(other.owned_)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement::~Statement() {
    if (!owned_ && stmt_) {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) throw sqlite_error(db_, "binding");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
        throw sqlite_error(db_, "binding");
    }
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) throw sqlite_error(db_, "binding");
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind_null(index);
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    if (rc == SQLITE_CONSTRAINT) {
        throw Error(ErrorKind::InvalidArgument,
                    std::string("already exists or not allowed: ") + sqlite3_errmsg(db_));
    }
    throw sqlite_error(db_, "running a statement");
}

void Statement::run() {
    while (step()) {
    }
}

std::int64_t Statement::column_int(int index) const {
    return sqlite3_column_int64(stmt_, index);
}

std::string Statement::column_text(int index) const {
    const auto* text = sqlite3_column_text(stmt_, index);
    if (!text) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

std::optional<std::int64_t> Statement::column_optional_int(int index) const {
    if (sqlite3_column_type(stmt_, index) == SQLITE_NULL) return std::nullopt;
    return column_int(index);
}

Database::Database(const std::filesystem::path& file) {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(file.c_str(), &raw,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    db_.reset(raw);  // sqlite3_open_v2 hands out a handle even when it fails: own it first
    if (rc != SQLITE_OK) {
        throw Error(ErrorKind::Io, "cannot open the server database " + file.string() + ": " +
                                       (raw ? sqlite3_errmsg(raw) : "out of memory"));
    }
    sqlite3_busy_timeout(db_.get(), 5000);
    exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
}

Statement Database::prepare_kept(const std::string& sql) {
    auto it = kept_.find(sql);
    if (it == kept_.end())
        it = kept_.emplace(sql, prepare_statement(db_.get(), sql, SQLITE_PREPARE_PERSISTENT)).first;
    return Statement(db_.get(), it->second.get());
}

void Database::exec(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string why = message ? message : "unknown error";
        sqlite3_free(message);
        throw Error(ErrorKind::Library, "the server database failed: " + why);
    }
}

std::int64_t Database::last_insert_id() const {
    return sqlite3_last_insert_rowid(db_.get());
}

int Database::changes() const {
    return sqlite3_changes(db_.get());
}

Transaction::Transaction(Database& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (const Error&) {
            // A failed rollback leaves SQLite to roll back when the connection closes.
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace lectern::server
