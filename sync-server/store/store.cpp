#include "store/store.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "auth/secrets.hpp"
#include "common/error.hpp"

namespace lectern::server {

namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS spaces (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS memberships (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    space_id INTEGER NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('agent', 'trainer', 'supervisor', 'auditor', 'admin')),
    PRIMARY KEY (user_id, space_id)
);
CREATE TABLE IF NOT EXISTS tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
);
-- One live key per device; a public key is never registered twice, so a revoked key cannot
-- come back.
CREATE TABLE IF NOT EXISTS device_keys (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    device TEXT NOT NULL,
    public_key TEXT NOT NULL UNIQUE,
    registered_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS device_keys_live ON device_keys (user_id, device)
    WHERE revoked_at IS NULL;
PRAGMA user_version = 2;
)sql";

}  // namespace

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool is_valid_name(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!alnum(name.front())) return false;
    for (char c : name) {
        if (!alnum(c) && c != '-' && c != '_' && c != '.') return false;
    }
    return true;
}

bool is_valid_device_name(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    auto alnum = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    };
    if (!alnum(name.front()) || name.back() == '.') return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (c == '.' && name[i - 1] == '.') return false;
        if (!alnum(c) && c != '-' && c != '_' && c != '.') return false;
    }
    return true;
}

namespace {

// Read connections: enough for every core to run a lookup while another waits on the disk.
std::size_t reader_limit() {
    return std::max(4u, 2 * std::thread::hardware_concurrency());
}

}  // namespace

Store::Store(const std::filesystem::path& file) : db_(file), readers_(file, reader_limit()) {
    migrate();
}

void Store::migrate() {
    std::lock_guard lock(mutex_);
    db_.exec(kSchema);
}

void Store::add_space(std::string_view space) {
    if (!is_valid_name(space)) {
        throw Error(
            ErrorKind::InvalidArgument,
            "'" + std::string(space) + "' is not a valid space name (a-z, 0-9, '-', '_', '.')");
    }
    std::lock_guard lock(mutex_);
    db_.prepare("INSERT INTO spaces (name, created_at) VALUES (?, ?)")
        .bind(1, space)
        .bind(2, unix_now())
        .run();
}

std::optional<std::int64_t> Store::space_id(std::string_view space) {
    auto st = db_.prepare("SELECT id FROM spaces WHERE name = ?");
    st.bind(1, space);
    if (!st.step()) return std::nullopt;
    return st.column_int(0);
}

bool Store::has_space(std::string_view space) {
    std::lock_guard lock(mutex_);
    return space_id(space).has_value();
}

std::vector<std::string> Store::spaces() {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    auto st = db_.prepare("SELECT name FROM spaces ORDER BY name");
    while (st.step()) out.push_back(st.column_text(0));
    return out;
}

User Store::add_user(std::string_view name, std::string_view password) {
    if (!is_valid_name(name)) {
        throw Error(
            ErrorKind::InvalidArgument,
            "'" + std::string(name) + "' is not a valid user name (a-z, 0-9, '-', '_', '.')");
    }
    if (password.size() < 8) {
        throw Error(ErrorKind::InvalidArgument, "a password needs at least 8 characters");
    }
    const std::string hash = hash_password(password);
    std::lock_guard lock(mutex_);
    db_.prepare("INSERT INTO users (name, password_hash, created_at) VALUES (?, ?, ?)")
        .bind(1, name)
        .bind(2, hash)
        .bind(3, unix_now())
        .run();
    return User{db_.last_insert_id(), std::string(name)};
}

std::optional<User> Store::find_user(std::string_view name) {
    std::lock_guard lock(mutex_);
    auto st = db_.prepare("SELECT id, name FROM users WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return User{st.column_int(0), st.column_text(1)};
}

std::optional<User> Store::check_password(std::string_view name, std::string_view password) {
    std::optional<User> user;
    std::string hash;
    {
        std::lock_guard lock(mutex_);
        auto st = db_.prepare("SELECT id, name, password_hash FROM users WHERE name = ?");
        st.bind(1, name);
        if (st.step()) {
            user = User{st.column_int(0), st.column_text(1)};
            hash = st.column_text(2);
        }
    }
    if (!user) {
        // Spend the same time as for a real user, so timing does not tell which names exist.
        static const std::string dummy = hash_password("not a password of anyone");
        verify_password(password, dummy);
        return std::nullopt;
    }
    if (!verify_password(password, hash)) return std::nullopt;
    return user;
}

void Store::set_member(std::string_view user, std::string_view space, Role role) {
    std::lock_guard lock(mutex_);
    const auto sid = space_id(space);
    if (!sid) throw Error(ErrorKind::NotFound, "there is no space '" + std::string(space) + "'");
    auto find = db_.prepare("SELECT id FROM users WHERE name = ?");
    find.bind(1, user);
    if (!find.step())
        throw Error(ErrorKind::NotFound, "there is no user '" + std::string(user) + "'");
    const auto uid = find.column_int(0);
    db_.prepare(
           "INSERT INTO memberships (user_id, space_id, role) VALUES (?, ?, ?) "
           "ON CONFLICT (user_id, space_id) DO UPDATE SET role = excluded.role")
        .bind(1, uid)
        .bind(2, *sid)
        .bind(3, to_string(role))
        .run();
}

std::optional<Role> Store::role_in(std::int64_t user_id, std::string_view space) {
    const auto db = readers_.lend();
    auto st = db->prepare_kept(
        "SELECT m.role FROM memberships m JOIN spaces s ON s.id = m.space_id "
        "WHERE m.user_id = ? AND s.name = ?");
    st.bind(1, user_id).bind(2, space);
    if (!st.step()) return std::nullopt;
    return parse_role(st.column_text(0));
}

std::vector<Membership> Store::memberships(std::int64_t user_id) {
    std::lock_guard lock(mutex_);
    std::vector<Membership> out;
    auto st = db_.prepare(
        "SELECT s.name, m.role FROM memberships m JOIN spaces s ON s.id = m.space_id "
        "WHERE m.user_id = ? ORDER BY s.name");
    st.bind(1, user_id);
    while (st.step()) {
        if (auto role = parse_role(st.column_text(1))) out.push_back({st.column_text(0), *role});
    }
    return out;
}

NewToken Store::create_token(std::string_view user, std::string_view name,
                             std::int64_t expires_at) {
    NewToken out;
    out.secret = generate_token();
    out.expires_at = expires_at;
    std::lock_guard lock(mutex_);
    auto find = db_.prepare("SELECT id FROM users WHERE name = ?");
    find.bind(1, user);
    if (!find.step())
        throw Error(ErrorKind::NotFound, "there is no user '" + std::string(user) + "'");
    db_.prepare(
           "INSERT INTO tokens (user_id, name, hash, created_at, expires_at) VALUES (?, ?, ?, ?, "
           "?)")
        .bind(1, find.column_int(0))
        .bind(2, name)
        .bind(3, hash_token(out.secret))
        .bind(4, unix_now())
        .bind(5, expires_at)
        .run();
    out.id = db_.last_insert_id();
    return out;
}

bool Store::revoke_token(std::int64_t id) {
    std::lock_guard lock(mutex_);
    db_.prepare("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .bind(1, unix_now())
        .bind(2, id)
        .run();
    return db_.changes() > 0;
}

std::vector<TokenInfo> Store::tokens(std::string_view user) {
    std::lock_guard lock(mutex_);
    std::vector<TokenInfo> out;
    auto st = db_.prepare(
        "SELECT t.id, u.name, t.name, t.created_at, t.expires_at, t.revoked_at FROM tokens t "
        "JOIN users u ON u.id = t.user_id WHERE u.name = ? ORDER BY t.id");
    st.bind(1, user);
    while (st.step()) {
        out.push_back({st.column_int(0), st.column_text(1), st.column_text(2), st.column_int(3),
                       st.column_int(4), st.column_optional_int(5)});
    }
    return out;
}

std::optional<User> Store::check_token(std::string_view user, std::string_view token) {
    const std::string hash = hash_token(token);
    const auto db = readers_.lend();
    // The lookup is by hash (a unique index), so the comparison never touches the secret.
    auto st = db->prepare_kept(
        "SELECT u.id, u.name FROM tokens t JOIN users u ON u.id = t.user_id "
        "WHERE t.hash = ? AND u.name = ? AND t.revoked_at IS NULL AND t.expires_at > ?");
    st.bind(1, hash).bind(2, user).bind(3, unix_now());
    if (!st.step()) return std::nullopt;
    return User{st.column_int(0), st.column_text(1)};
}

}  // namespace lectern::server
