#include "ledger/space_ledger.hpp"

#include "common/error.hpp"
#include "ledger/durable_files.hpp"
#include "ledger/ledger_lock.hpp"
#include "ledger/receipt.hpp"
#include "ledger/receipt_chain.hpp"
#include "ledger/receipt_check.hpp"
#include "ledger/receipt_store.hpp"
#include "ledger/receipts_client.hpp"
#include "ledger/record.hpp"
#include "ledger/signoff_status.hpp"

namespace lectern::ledger {

namespace {

enum class Reach { Space, OwnOnly };

void add_note(std::string& note, const std::string& more) {
    note += (note.empty() ? "" : "; ") + more;
}

// Fetches every agent's branch into refs/remotes/origin/agents/. Forbidden means the reader is
// an agent; any other failure leaves what was fetched before.
Reach fetch_space_branches(const SpaceLedgerRequest& r, std::string& note) {
    if (r.server.empty()) {
        add_note(note, "built offline from the ledger and receipts as last fetched");
        return Reach::Space;
    }
    sync::FetchOptions fetch;
    fetch.url = r.server + "/" + r.space + "/ledger.git";
    fetch.credentials = r.credentials;
    fetch.refspecs = {"+refs/heads/agents/*:refs/remotes/origin/agents/*"};
    // Under the ledger lock: the fetch moves refs, and a lock file it leaves when killed is
    // then known stale (push_records() removes such files under the same lock).
    const LedgerLock lock(r.ledger);
    remove_stale_git_locks(r.ledger);
    const auto result = sync::fetch(r.ledger, fetch);
    if (result.ok()) {
        durable::write_file(space_fetch_mark(r.ledger), utc_timestamp() + "\n", 0600);
        return Reach::Space;
    }
    if (result.failure->reason == sync::TransferFailureReason::Forbidden ||
        result.failure->reason == sync::TransferFailureReason::NotFound)
        return Reach::OwnOnly;
    add_note(note, "the server's ledger could not be fetched (" + result.failure->message +
                       "); built from the ledger as last fetched");
    return Reach::Space;
}

// Every receipt of the space from the server, with the key they must be sealed by (pinned in
// the reader's receipts file the first time, under the ledger lock as sync pins it).
std::vector<nlohmann::json> fetch_space_receipts(const SpaceLedgerRequest& r, std::string& key,
                                                 std::string& note) {
    {
        const LedgerLock lock(r.ledger);
        const auto file = receipts_file(r.ledger, r.credentials.user);
        ReceiptStore store = load_receipts(file);
        const bool pinned_before = !store.server_key.empty();
        if (const auto failure = pin_server_key(r.server, r.credentials, {}, store)) {
            add_note(note, "no receipt could be checked: " + failure->message);
            return {};
        }
        if (!pinned_before) save_receipts(file, store);
        key = store.server_key;
    }
    std::vector<nlohmann::json> all;
    const ReceiptQuery query{r.server, r.credentials, r.space, {}, 0, {}};
    const auto failure =
        fetch_receipts(query, [&](const nlohmann::json& page, const nlohmann::json&, std::int64_t) {
            for (const auto& receipt : page) all.push_back(receipt);
        });
    if (failure) add_note(note, "receipts could not be fetched: " + failure->message);
    return all;
}

// Where the chain of `receipts` and `links` stops continuing the log, if it does. A receipt
// that cannot be read counts as missing (its own problem is reported with it).
std::optional<ChainBreak> chain_break_of(const std::vector<nlohmann::json>& receipts,
                                         const std::map<std::int64_t, std::string>& links) {
    std::vector<ChainEntry> entries;
    for (const auto& json : receipts) {
        try {
            const Receipt r = receipt_from_json(json);
            entries.push_back({r.seq, receipt_body_hash(r), r.prev_hash, r.hash});
        } catch (const Error&) {
        }
    }
    for (const auto& [seq, body_hash] : links) entries.push_back({seq, body_hash, {}, {}});
    return find_chain_break(std::move(entries));
}

}  // namespace

std::filesystem::path space_fetch_mark(const std::filesystem::path& ledger) {
    return ledger.parent_path() / "ledger-fetched-at";
}

SpaceLedger read_space_ledger(const SpaceLedgerRequest& r) {
    const LocalLedger ledger = LocalLedger::open_or_create(r.ledger);
    SpaceLedger out;
    const std::string& me = r.credentials.user;
    const Reach reach = fetch_space_branches(r, out.note);
    out.scope = reach == Reach::Space ? "space" : "agent " + me;
    if (std::string mark;
        reach == Reach::Space && durable::read_file(space_fetch_mark(r.ledger), mark))
        out.fetched_at = mark.substr(0, mark.find('\n'));
    out.records = reach == Reach::Space ? ledger_records(ledger) : ledger_records(ledger, me);

    // A supervisor online asks for every receipt now; otherwise the ones this device's syncs
    // stored (its own), checked again: the file could have been edited since.
    std::string key;
    std::vector<nlohmann::json> receipts;
    std::map<std::int64_t, std::string> links;
    if (reach == Reach::Space && !r.server.empty()) {
        receipts = fetch_space_receipts(r, key, out.note);
    } else {
        const ReceiptStore stored = load_receipts(receipts_file(r.ledger, me));
        key = stored.server_key;
        links = stored.links;
        for (const auto& [id, receipt] : stored.by_record) receipts.push_back(receipt);
    }
    // Each receipt is proof only as part of an unbroken log: from a break on, none is.
    const auto broken = chain_break_of(receipts, links);
    std::map<std::string, const StoredRecord*> by_id;
    for (const auto& s : out.records) by_id[s.record.id] = &s;
    for (const auto& receipt : receipts) {
        const auto record = by_id.find(receipt.value("record_id", ""));
        if (record == by_id.end()) continue;  // a record this reader does not report on
        std::string why = receipt_problem(receipt, key, r.space, record->second);
        if (why.empty() && broken && receipt.value("seq", std::int64_t{0}) >= broken->seq)
            why = "is not part of an unbroken receipt log (" + broken->why + ")";
        if (why.empty())
            out.receipts[record->first] = receipt;
        else if (!out.receipts.count(record->first))
            out.refused_receipts[record->first] = why;
    }
    for (const auto& [id, receipt] : out.receipts) out.refused_receipts.erase(id);
    return out;
}

}  // namespace lectern::ledger
