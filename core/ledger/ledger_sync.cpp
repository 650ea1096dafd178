#include "ledger/ledger_sync.hpp"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/log.hpp"
#include "ledger/key_registration.hpp"
#include "ledger/keys.hpp"
#include "ledger/layout.hpp"
#include "ledger/ledger_lock.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/receipt.hpp"
#include "ledger/receipt_store.hpp"
#include "ledger/receipts_client.hpp"
#include "sync/http_client.hpp"
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

// The server's receipt key, pinned in the store the first time it is seen.
std::optional<sync::TransferFailure> pin_server_key(const LedgerSyncOptions& o,
                                                    ReceiptStore& store) {
    sync::http::Request request;
    request.url = o.server + "/api/v1/server-key";
    const auto response = sync::http::send(request, o.progress);
    if (response.cancelled) return cancelled();
    if (response.status != 200)
        return sync::http::failure_of(response, "fetching the server's key", o.credentials.user);
    std::string key;
    try {
        key = nlohmann::json::parse(response.body).at("public_key").get<std::string>();
    } catch (const nlohmann::json::exception& e) {
        return sync::TransferFailure{
            sync::TransferFailureReason::Other,
            std::string("the server's key is not understood: ") + e.what()};
    }
    if (store.server_key.empty()) store.server_key = key;
    if (store.server_key != key)
        return sync::TransferFailure{
            sync::TransferFailureReason::Other,
            "the server now signs receipts with another key than before (" + key + " instead of " +
                store.server_key + "); its receipts are not stored: tell your admin"};
    return std::nullopt;
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
    if (auto failure = pin_server_key(o, store)) return failure;
    std::map<std::string, std::string> commit_of;
    for (const auto& r : records) commit_of[r.record.id] = r.commit;
    std::optional<sync::TransferFailure> bad;
    ReceiptQuery query{o.server,           o.credentials,  o.space,
                       o.credentials.user, store.last_seq, o.progress};
    auto failure = fetch_receipts(query, [&](const nlohmann::json& receipts, std::int64_t last) {
        for (const auto& json : receipts) {
            std::string why;
            try {
                const Receipt r = receipt_from_json(json);
                const auto local = commit_of.find(r.record_id);
                if (!receipt_is_sealed_by(r, store.server_key))
                    why = "is not sealed by the server's key";
                else if (r.agent != o.credentials.user || r.space != o.space)
                    why = "is for another agent or space";
                else if (local != commit_of.end() && local->second != r.commit)
                    why = "names commit " + r.commit + ", not the one this device pushed";
                if (why.empty()) {
                    store.by_record[r.record_id] = json;
                    ++fetched;
                    continue;
                }
            } catch (const Error& e) {
                why = "is malformed (" + e.message() + ")";
            }
            if (!bad)
                bad = sync::TransferFailure{
                    sync::TransferFailureReason::Other,
                    "a receipt from the server " + why + "; it was not stored: tell your admin"};
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

    const KeyRegistration key = ensure_key_registered(o.server, o.credentials, o.key_file);
    if (!key.ok()) {
        report.failure = key.failure;
        return report;
    }

    const auto records = ledger->records_on(branch);
    const std::string tip = records.back().commit;
    sync::PushOptions push;
    push.url = o.server + "/" + o.space + "/ledger.git";
    push.credentials = o.credentials;
    // A record signed while this push runs may go up with it; the ref moved below then lags
    // one push behind, which only makes the next sync count it again as "up to date".
    push.refspecs = {branch + ":" + branch};
    push.progress = o.progress;
    const sync::PushResult pushed = sync::push(o.ledger, push);
    if (pushed.failure) {
        report.failure = pushed.failure;
        return report;
    }
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
