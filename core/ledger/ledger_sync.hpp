#pragma once
// Sending this device's ledger records to the server: register the device key if it is not
// yet, push the device's branch of the local ledger clone to <server>/<space>/ledger.git, and
// fetch and check the receipts of the agent's records. The CLI's `lectern sync` and the
// desktop app (after a sign-off, and for its "records waiting" count) both call this.
//
// Safe to repeat and to interrupt at any point: git moves the server's branch only after the
// whole push was received and verified, a branch already there is "up to date", and the
// server refuses a record id it has seen, so each record is on the server exactly once.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sync/client_config.hpp"
#include "sync/git_transfer.hpp"
#include "sync/progress.hpp"

namespace lectern::ledger {

struct LedgerSyncOptions {
    std::string server;  ///< "http://host:port"
    sync::Credentials credentials;
    std::string space;
    std::string device;
    std::filesystem::path ledger;    ///< the local ledger clone (local_ledger_dir(space))
    std::filesystem::path key_file;  ///< this device's key (keys.hpp key_file())
    /// Phases reported: "pushing" (objects, from git), "receipts" (receipts stored so far).
    /// The cancel token stops the push or the receipt fetch at its next step.
    sync::Progress progress;
};

/// The options for `space` as the logged-in user of `config` on its device (the default
/// device name when the settings have none): the ledger clone and key file where the client
/// keeps them. Throws Error(InvalidArgument) for a space name that is not one.
LedgerSyncOptions ledger_sync_options(const sync::ClientConfig& config, const std::string& space);

/// A record moved off the device's branch because the server revoked the key that signed it.
struct SetAsideRecord {
    std::string record_id;
    std::string document_id;
    std::string device;      ///< the device whose key signed it
    std::string revoked_at;  ///< when the server revoked that key
};

struct LedgerSyncReport {
    /// Set when the push or the receipts did not get through (offline, bad token, cancelled,
    /// a receipt that does not check out); the records stay queued on the device.
    std::optional<sync::TransferFailure> failure;
    /// The server refused the branch: its words (which record and why).
    std::string refusal;
    std::size_t records_pushed = 0;  ///< records the server accepted during this call
    std::size_t receipts_fetched = 0;
    /// Records of this device the server has given no receipt for (yet).
    std::vector<std::string> without_receipt;
    /// Records this call set aside: signed with a key the server revoked, they can never be
    /// accepted. They stay on the device (LocalLedger::records_set_aside()) and are no longer
    /// sent; their documents count as unsigned and must be signed again.
    std::vector<SetAsideRecord> set_aside;

    bool ok() const noexcept { return !failure && refusal.empty(); }
};

/// How many of `user`'s records on `device` the server has not accepted yet, as this device
/// last heard: records on refs/heads/agents/<user>/<device> after the last accepted push.
/// Reads the local clone only (no network, cheap enough for a status bar); 0 when there is no
/// clone or nothing was signed. Throws Error(Library) when the clone is damaged.
std::size_t count_records_waiting(const std::filesystem::path& ledger, std::string_view user,
                                  std::string_view device);

/// Records the server accepted whose receipt this device does not hold yet (read from the
/// receipts file only, no network).
std::size_t count_records_without_receipt(const std::filesystem::path& ledger,
                                          std::string_view user, std::string_view device);

/// Registers the key if needed, pushes refs/heads/agents/<user>/<device> and fetches the
/// user's receipts. When the server refuses the push, asks it which of the user's keys it
/// revoked, sets aside the waiting records those keys signed (report.set_aside) and pushes the
/// others again; reporting progress and honouring the cancel token. Does nothing (ok) when
/// this device has signed nothing in the space. Runs on a worker thread, never on a UI
/// thread. Throws Error(Io|Library|NotFound) when the local ledger or key file cannot be read
/// or written (NotFound: the key file is gone; the message says how many records wait and to
/// restore the key file or enroll again). A caller syncing several spaces reports it for this
/// space and goes on with the others, as `lectern sync` does.
LedgerSyncReport push_records(const LedgerSyncOptions& options);

}  // namespace lectern::ledger
