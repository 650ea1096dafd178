#pragma once
// The server's accounts: users, their password hashes, personal access tokens and memberships.
// Thread-safe: one connection behind a mutex (every query is a few microseconds; the slow part,
// Argon2id, runs outside the lock), and a pool of read connections for the two lookups every
// request makes (check_token, role_in), so that concurrent requests do not queue for the lock.

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/policy.hpp"
#include "store/database.hpp"
#include "store/reader_pool.hpp"

namespace lectern::server {

struct User {
    std::int64_t id = 0;
    std::string name;
};

struct Membership {
    std::string space;
    Role role = Role::Agent;
};

struct TokenInfo {
    std::int64_t id = 0;
    std::string user;
    std::string name;
    std::int64_t created_at = 0;
    std::int64_t expires_at = 0;
    std::optional<std::int64_t> revoked_at;
};

/// A token as created: the secret is shown once and never stored.
struct NewToken {
    std::int64_t id = 0;
    std::string secret;
    std::int64_t expires_at = 0;
};

/// An Ed25519 public key a user registered for one device.
struct DeviceKey {
    std::string user;
    std::string device;
    std::string public_key;  ///< base64 of 32 bytes
    std::int64_t registered_at = 0;
    std::optional<std::int64_t> revoked_at;
};

/// What register_key() did.
enum class KeyRegistration {
    Created,            ///< a new key for the device
    AlreadyRegistered,  ///< the same key was the device's live key already (nothing changed)
    DeviceHasOtherKey,  ///< the device has a different live key: revoke it first
    KeyUsedBefore,      ///< this public key was registered before (to anyone): never reused
};

/// Seconds since the Unix epoch.
std::int64_t unix_now();

/// True for names of users and spaces: lowercase letters, digits, '-', '_' and '.', starting
/// with a letter or digit, at most 64 characters.
bool is_valid_name(std::string_view name);

/// True for device names as records carry them: letters (either case), digits, '_', '-' and
/// single dots inside, starting with a letter or digit, at most 64 characters.
bool is_valid_device_name(std::string_view name);

class Store {
  public:
    /// Opens (creating if needed) the database and brings its schema up to date.
    explicit Store(const std::filesystem::path& file);

    /// Throws Error(InvalidArgument) for a bad or taken name.
    void add_space(std::string_view space);
    bool has_space(std::string_view space);
    std::vector<std::string> spaces();

    /// Throws Error(InvalidArgument) for a bad or taken name or an empty password.
    User add_user(std::string_view name, std::string_view password);
    std::optional<User> find_user(std::string_view name);
    /// The user if `password` is theirs.
    std::optional<User> check_password(std::string_view name, std::string_view password);

    /// Sets (or changes) the user's role in the space. Throws Error(NotFound).
    void set_member(std::string_view user, std::string_view space, Role role);
    std::optional<Role> role_in(std::int64_t user_id, std::string_view space);
    std::vector<Membership> memberships(std::int64_t user_id);

    /// A new token for the user, valid until `expires_at`. Throws Error(NotFound).
    NewToken create_token(std::string_view user, std::string_view name, std::int64_t expires_at);
    /// Revokes a token by id; false if there is no such token.
    bool revoke_token(std::int64_t id);
    std::vector<TokenInfo> tokens(std::string_view user);
    /// The user if `token` is a live (unexpired, unrevoked) token of the user named `user`.
    std::optional<User> check_token(std::string_view user, std::string_view token);

    /// Registers `public_key` (base64 of 32 bytes, checked by the caller) for the user's device.
    KeyRegistration register_key(std::int64_t user_id, std::string_view device,
                                 std::string_view public_key);
    /// Every key of the user, live and revoked, oldest first.
    std::vector<DeviceKey> keys(std::string_view user);
    /// Every key of every user (for `key list`).
    std::vector<DeviceKey> all_keys();
    /// The device's live key, if it has one.
    std::optional<DeviceKey> live_key(std::string_view user, std::string_view device);
    /// Revokes the device's live key now; false if it has none.
    bool revoke_key(std::string_view user, std::string_view device);
    /// True if `target` is a member of a space where `viewer`'s role allows `action`.
    bool shares_space_allowing(std::int64_t viewer_id, std::string_view target, Action action);

  private:
    void migrate();
    std::optional<std::int64_t> space_id(std::string_view space);

    std::mutex mutex_;
    Database db_;
    ReaderPool readers_;
};

}  // namespace lectern::server
