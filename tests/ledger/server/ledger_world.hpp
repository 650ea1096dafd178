#pragma once
// A space on the real test server with content published by its trainer, a supervisor and two
// agents, and this process set up as one agent's machine: client settings, XDG folders, and
// the content synced by the real sync client to where it keeps it.

#include <filesystem>
#include <map>
#include <string>

#include "auth/policy.hpp"
#include "ledger/keys.hpp"
#include "ledger/ledger_sync.hpp"
#include "sync/client_config.hpp"
#include "sync_test_support.hpp"

namespace lectern::test {

struct LedgerWorld {
    TestSpace space;
    Account supervisor;
    Account second_agent;
    std::filesystem::path home;
    std::filesystem::path content;  ///< the synced content: …/spaces/<space>/content
    std::filesystem::path ledger;   ///< …/spaces/<space>/ledger
    sync::ClientConfig config;      ///< the current user on device "laptop"
};

inline constexpr const char* kPassphrase = "correct horse battery staple";

/// A fresh space and client home (XDG_* point at it) for the first agent, content synced.
LedgerWorld make_ledger_world(const std::string& hint);

/// A new account `<space>-<role_name>` with `role` in `space`.
Account add_member(const TestSpace& space, const std::string& role_name, server::Role role);
/// Makes an existing account a member of another space too.
void add_to_space(const Account& who, const TestSpace& space, server::Role role);

/// Switches this process's client to `who` on `device` (settings and key file names), keeping
/// the same XDG folders.
void become(LedgerWorld& world, const Account& who, const std::string& device = "laptop");

/// Syncs the content as the current user with the real sync client (no index, no LFS).
void sync_content(const LedgerWorld& world);

/// Makes and saves a key for the current client (minimum Argon2id cost: tests make many).
ledger::StoredKey enroll_in_process(const LedgerWorld& world);

/// Signs `document` through the signing state machine; returns the record id.
std::string sign_in_process(const LedgerWorld& world, const std::string& document = "screen-lock");

/// Options for push_records() of the current client.
ledger::LedgerSyncOptions sync_options(const LedgerWorld& world);

/// Every record id on the server's ledger.git with the number of commits adding it (read
/// with stock git as the supervisor).
std::map<std::string, int> server_records(const LedgerWorld& world);
int server_copies(const LedgerWorld& world, const std::string& record_id);

/// The receipts the server holds for `record_id` (asked as the supervisor).
int server_receipts(const LedgerWorld& world, const std::string& record_id);

}  // namespace lectern::test
