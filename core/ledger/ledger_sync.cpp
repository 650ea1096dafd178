#include "ledger/ledger_sync.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/log.hpp"
#include "ledger/key_registration.hpp"
#include "ledger/keys.hpp"
#include "ledger/layout.hpp"
#include "ledger/ledger_lock.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/receipt_check.hpp"
#include "ledger/receipt_store.hpp"
#include "ledger/receipts_client.hpp"
#include "sync/local_paths.hpp"

namespace lectern::ledger {

namespace {

// What the server last accepted from this device, as this client saw it: moved after each
// accepted push. The same remote-tracking name `git fetch` would give the server's branch, so
// sync's status count and a supervisor's fetch agree with it.
std::string pushed_ref(std::string_view user, std::string_view device) {
    return "refs/remotes/origin/agents/" + std::string(user) + "/" + std::string(device);
}

// Records after `accepted` (a commit on the branch, or empty: none accepted).
std::size_t records_after(const std::vector<StoredRecord>& records, const std::string& accepted) {
    if (accepted.empty()) return records.size();
    const auto known = std::find_if(records.begin(), records.end(),
                                    [&](const StoredRecord& r) { return r.commit == accepted; });
    if (known == records.end()) return records.size();
    return static_cast<std::size_t>(records.end() - known - 1);
}

sync::TransferFailure cancelled() {
    return {sync::TransferFailureReason::Cancelled,
            "the ledger sync was cancelled; the records stay queued for the next sync"};
}

// Fetches this agent's receipts after the last stored one, checks each (sealed by the pinned
// server key, for this agent and space, naming the commit that carried the record here) and
// stores them page by page, so an interrupted sync keeps what it fetched. Runs under the
// LedgerLock: two syncs (the app's and the CLI's) would otherwise each rewrite the file from
// what they read before.
std::optional<sync::TransferFailure> fetch_own_receipts(const LedgerSyncOptions& o,
                                                        const std::vector<StoredRecord>& records,
                                                        std::size_t& fetched) {
    const LedgerLock lock(o.ledger);
    const auto file = receipts_file(o.ledger, o.credentials.user);
    ReceiptStore store = load_receipts(file);
    if (auto failure = pin_server_key(o.server, o.credentials, o.progress, store))
        return failure->reason == sync::TransferFailureReason::Cancelled ? cancelled() : *failure;
    std::map<std::string, const StoredRecord*> local;
    for (const auto& r : records) local[r.record.id] = &r;
    std::optional<sync::TransferFailure> bad;
    ReceiptQuery query{o.server,           o.credentials,  o.space,
                       o.credentials.user, store.last_seq, o.progress};
    auto failure = fetch_receipts(
        query, [&](const nlohmann::json& receipts, const nlohmann::json& links, std::int64_t last) {
            for (const auto& l : links)
                store.links[l.at("seq").get<std::int64_t>()] = l.at("body_hash").get<std::string>();
            for (const auto& json : receipts) {
                const std::string id = json.value("record_id", "");
                const auto mine = local.find(id);
                std::string why = receipt_problem(json, store.server_key, o.space,
                                                  mine == local.end() ? nullptr : mine->second);
                if (why.empty() && json.value("agent", "") != o.credentials.user)
                    why = "is for another agent";
                if (why.empty()) {
                    store.by_record[id] = json;
                    ++fetched;
                    continue;
                }
                if (!bad)
                    bad = sync::TransferFailure{sync::TransferFailureReason::Other,
                                                "a receipt from the server " + why +
                                                    "; it was not stored: tell your admin"};
            }
            store.last_seq = last;
            save_receipts(file, store);
            o.progress.step("receipts", store.by_record.size(), records.size());
        });
    if (failure && failure->reason != sync::TransferFailureReason::Cancelled &&
        o.progress.cancelled())
        return cancelled();
    return failure ? failure : bad;
}

// After a refused push: asks the server which of the user's keys it revoked, and sets aside
// the waiting records signed with one of them. Returns how many; 0 when the keys cannot be
// listed (the refusal is then reported as it came).
std::size_t set_aside_revoked(const LedgerSyncOptions& o, LocalLedger& ledger,
                              LedgerSyncReport& report) {
    const std::string& user = o.credentials.user;
    const std::string branch = agent_branch(user, o.device);
    const std::string accepted = ledger.tip(pushed_ref(user, o.device));
    const auto records = ledger.records_on(branch);
    const std::size_t waiting = records_after(records, accepted);
    if (waiting == 0) return 0;
    const OwnKeys keys = fetch_own_keys(o.server, o.credentials,
                                        load_receipts(receipts_file(o.ledger, user)).server_key);
    if (keys.failure) {
        log::warning(log::kLedger,
                     "could not list the keys of " + user + ": " + keys.failure->message);
        return 0;
    }
    std::set<std::string> ids;
    std::vector<SetAsideRecord> aside;
    for (std::size_t i = records.size() - waiting; i < records.size(); ++i) {
        const Record& r = records[i].record;
        if (const auto when = revoked_at(keys, r.public_key)) {
            ids.insert(r.id);
            aside.push_back({r.id, r.document_id, r.device, *when});
        }
    }
    if (ids.empty()) return 0;
    const std::size_t moved = ledger.set_aside(branch, accepted, ids);
    report.set_aside.insert(report.set_aside.end(), aside.begin(), aside.end());
    log::warning(log::kLedger, o.space + ": " + std::to_string(moved) +
                                   " records signed with a revoked key set aside from " + branch);
    return moved;
}

}  // namespace

LedgerSyncOptions ledger_sync_options(const sync::ClientConfig& config, const std::string& space) {
    LedgerSyncOptions o;
    o.server = config.server;
    o.credentials = {config.user, config.token};
    o.space = space;
    o.device = config.device.empty() ? sync::default_device_name() : config.device;
    o.ledger = local_ledger_dir(space);
    o.key_file = key_file(keys_dir(), config.user, o.device);
    return o;
}

std::size_t count_records_waiting(const std::filesystem::path& ledger, std::string_view user,
                                  std::string_view device) {
    const auto clone = LocalLedger::open(ledger);
    if (!clone) return 0;
    const auto records = clone->records_on(agent_branch(user, device));
    return records_after(records, clone->tip(pushed_ref(user, device)));
}

std::size_t count_records_without_receipt(const std::filesystem::path& ledger,
                                          std::string_view user, std::string_view device) {
    const auto clone = LocalLedger::open(ledger);
    if (!clone) return 0;
    const auto records = clone->records_on(agent_branch(user, device));
    const std::size_t accepted =
        records.size() - records_after(records, clone->tip(pushed_ref(user, device)));
    const ReceiptStore store = load_receipts(receipts_file(ledger, std::string(user)));
    std::size_t missing = 0;
    for (std::size_t i = 0; i < accepted; ++i)
        if (!store.by_record.count(records[i].record.id)) ++missing;
    return missing;
}

LedgerSyncReport push_records(const LedgerSyncOptions& o) {
    LedgerSyncReport report;
    const std::string& user = o.credentials.user;
    const std::string branch = agent_branch(user, o.device);
    auto ledger = LocalLedger::open(o.ledger);
    if (!ledger || ledger->tip(branch).empty()) return report;  // nothing signed here
    {
        // A sync killed while moving a ref leaves its lock file; nobody else writes now.
        const LedgerLock lock(o.ledger);
        remove_stale_git_locks(o.ledger);
    }
    if (o.progress.cancelled()) {
        report.failure = cancelled();
        return report;
    }

    if (!std::filesystem::exists(o.key_file)) {
        const std::size_t queued = count_records_waiting(o.ledger, user, o.device);
        throw Error(ErrorKind::NotFound,
                    "this device's signing key " + o.key_file.string() + " is missing" +
                        (queued ? " and " + std::to_string(queued) +
                                      " signed record(s) wait to be sent; they stay queued"
                                : std::string()) +
                        ". Restore the key file from a backup (the records then go up with the "
                        "next sync), or enroll this device again with `lectern enroll` (an "
                        "admin first revokes the lost key: lectern-server key revoke " +
                        user + " " + o.device + ")");
    }
    const KeyRegistration key = ensure_key_registered(o.server, o.credentials, o.key_file);
    if (!key.ok()) {
        report.failure = key.failure;
        return report;
    }

    auto records = ledger->records_on(branch);
    sync::PushOptions push;
    push.url = o.server + "/" + o.space + "/ledger.git";
    push.credentials = o.credentials;
    // A record signed while this push runs may go up with it; the ref moved below then lags
    // one push behind, which only makes the next sync count it again as "up to date".
    push.refspecs = {branch + ":" + branch};
    push.progress = o.progress;
    sync::PushResult pushed = sync::push(o.ledger, push);
    if (pushed.failure) {
        report.failure = pushed.failure;
        return report;
    }
    // Records signed with a key the server revoked can never go up: set them aside (kept on
    // the device, the documents to be signed again) and send the others.
    if (!pushed.all_accepted() && set_aside_revoked(o, *ledger, report) > 0) {
        records = ledger->records_on(branch);
        if (records.empty() || ledger->tip(pushed_ref(user, o.device)) == records.back().commit)
            return report;
        pushed = sync::push(o.ledger, push);
        if (pushed.failure) {
            report.failure = pushed.failure;
            return report;
        }
    }
    const std::string tip = records.back().commit;
    if (!pushed.all_accepted()) {
        for (const auto& r : pushed.refs)
            if (!r.accepted) report.refusal += r.ref + ": " + r.refusal + "\n";
        report.refusal += pushed.server_messages;
        log::warning(log::kLedger,
                     "the server refused the ledger branch " + branch + ": " + report.refusal);
        return report;
    }
    report.records_pushed = records_after(records, ledger->tip(pushed_ref(user, o.device)));
    ledger->set_ref(pushed_ref(user, o.device), tip);
    log::info(log::kLedger, o.space + ": " + std::to_string(report.records_pushed) +
                                " records accepted for " + branch);

    report.failure = fetch_own_receipts(o, records, report.receipts_fetched);
    const ReceiptStore store = load_receipts(receipts_file(o.ledger, user));
    for (const auto& r : records)
        if (!store.by_record.count(r.record.id)) report.without_receipt.push_back(r.record.id);
    return report;
}

}  // namespace lectern::ledger
