// Store: the device keys agents sign their records with.

#include "store/store.hpp"

namespace lectern::server {

namespace {

constexpr std::string_view kKeyColumns =
    "SELECT u.name, k.device, k.public_key, k.registered_at, k.revoked_at FROM device_keys k "
    "JOIN users u ON u.id = k.user_id ";

DeviceKey key_row(const Statement& st) {
    return {st.column_text(0), st.column_text(1), st.column_text(2), st.column_int(3),
            st.column_optional_int(4)};
}

}  // namespace

KeyRegistration Store::register_key(std::int64_t user_id, std::string_view device,
                                    std::string_view public_key) {
    std::lock_guard lock(mutex_);
    Transaction tx(db_);
    auto live = db_.prepare(
        "SELECT public_key FROM device_keys WHERE user_id = ? AND device = ? AND revoked_at IS "
        "NULL");
    live.bind(1, user_id).bind(2, device);
    if (live.step()) {
        return live.column_text(0) == public_key ? KeyRegistration::AlreadyRegistered
                                                 : KeyRegistration::DeviceHasOtherKey;
    }
    auto used = db_.prepare("SELECT 1 FROM device_keys WHERE public_key = ?");
    used.bind(1, public_key);
    if (used.step()) return KeyRegistration::KeyUsedBefore;
    db_.prepare(
           "INSERT INTO device_keys (user_id, device, public_key, registered_at) VALUES (?, ?, ?, "
           "?)")
        .bind(1, user_id)
        .bind(2, device)
        .bind(3, public_key)
        .bind(4, unix_now())
        .run();
    tx.commit();
    return KeyRegistration::Created;
}

std::vector<DeviceKey> Store::keys(std::string_view user) {
    std::lock_guard lock(mutex_);
    std::vector<DeviceKey> out;
    auto st = db_.prepare(std::string(kKeyColumns) + "WHERE u.name = ? ORDER BY k.id");
    st.bind(1, user);
    while (st.step()) out.push_back(key_row(st));
    return out;
}

std::vector<DeviceKey> Store::all_keys() {
    std::lock_guard lock(mutex_);
    std::vector<DeviceKey> out;
    auto st = db_.prepare(std::string(kKeyColumns) + "ORDER BY u.name, k.id");
    while (st.step()) out.push_back(key_row(st));
    return out;
}

std::optional<DeviceKey> Store::live_key(std::string_view user, std::string_view device) {
    std::lock_guard lock(mutex_);
    auto st = db_.prepare(std::string(kKeyColumns) +
                          "WHERE u.name = ? AND k.device = ? AND k.revoked_at IS NULL");
    st.bind(1, user).bind(2, device);
    if (!st.step()) return std::nullopt;
    return key_row(st);
}

bool Store::revoke_key(std::string_view user, std::string_view device) {
    std::lock_guard lock(mutex_);
    db_.prepare(
           "UPDATE device_keys SET revoked_at = ? WHERE revoked_at IS NULL AND device = ? AND "
           "user_id = (SELECT id FROM users WHERE name = ?)")
        .bind(1, unix_now())
        .bind(2, device)
        .bind(3, user)
        .run();
    return db_.changes() > 0;
}

bool Store::shares_space_allowing(std::int64_t viewer_id, std::string_view target, Action action) {
    std::lock_guard lock(mutex_);
    auto st = db_.prepare(
        "SELECT mv.role FROM memberships mv JOIN memberships mt ON mt.space_id = mv.space_id "
        "JOIN users ut ON ut.id = mt.user_id WHERE mv.user_id = ? AND ut.name = ?");
    st.bind(1, viewer_id).bind(2, target);
    while (st.step()) {
        const auto role = parse_role(st.column_text(0));
        if (role && allows(*role, action)) return true;
    }
    return false;
}

}  // namespace lectern::server
