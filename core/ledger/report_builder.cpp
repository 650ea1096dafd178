#include "ledger/report_builder.hpp"

#include <algorithm>
#include <set>

#include "common/diagnostic.hpp"
#include "common/error.hpp"
#include "content/space.hpp"
#include "ledger/ledger_lock.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/receipt_store.hpp"
#include "ledger/receipts_client.hpp"
#include "ledger/record.hpp"

namespace lectern::ledger {

namespace {

enum class Reach { Space, OwnOnly };

// Fetches every agent's branch into refs/remotes/origin/agents/. Forbidden means the reader is
// an agent; any other failure leaves what was fetched before.
Reach fetch_space_ledger(const ReportRequest& r, std::string& note) {
    if (r.server.empty()) {
        note = "built offline from the ledger as last fetched";
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
    if (result.ok()) return Reach::Space;
    if (result.failure->reason == sync::TransferFailureReason::Forbidden ||
        result.failure->reason == sync::TransferFailureReason::NotFound)
        return Reach::OwnOnly;
    note = "the server's ledger could not be fetched (" + result.failure->message +
           "); built from the ledger as last fetched";
    return Reach::Space;
}

}  // namespace

SignoffReport build_signoff_report(const ReportRequest& r) {
    Diagnostics problems;
    const content::Space space = content::Space::load(r.content, problems);
    const auto repository = content::ContentRepository::open(r.content);
    if (!repository)
        throw Error(ErrorKind::NotFound,
                    r.content.string() + " is not a git working tree: sync the space first");
    LocalLedger ledger = LocalLedger::open_or_create(r.ledger);

    SignoffReport report;
    report.space = r.space;
    report.content_commit = repository->head_commit();
    report.generated_at = utc_timestamp();
    const Reach reach = fetch_space_ledger(r, report.note);
    const std::string& me = r.credentials.user;
    std::vector<StoredRecord> records;
    std::vector<std::string> agents = r.agents;
    if (reach == Reach::OwnOnly) {
        for (const auto& a : agents)
            if (a != me)
                throw Error(ErrorKind::InvalidArgument,
                            "an agent's report shows only their own records; " + a +
                                "'s are for supervisors and auditors");
        report.scope = "agent " + me;
        records = ledger_records(ledger, me);
        agents = {me};
        const ReceiptStore stored = load_receipts(receipts_file(r.ledger, me));
        report.receipts = stored.by_record;
    } else {
        report.scope = "space";
        records = ledger_records(ledger);
        if (agents.empty()) {
            std::set<std::string> seen;
            for (const auto& s : records) seen.insert(s.record.agent);
            agents.assign(seen.begin(), seen.end());
        }
        if (!r.server.empty()) {
            ReceiptQuery query{r.server, r.credentials, r.space, {}, 0, {}};
            const auto failure =
                fetch_receipts(query, [&](const nlohmann::json& page, std::int64_t) {
                    for (const auto& receipt : page)
                        report.receipts[receipt.at("record_id").get<std::string>()] = receipt;
                });
            if (failure)
                report.note += (report.note.empty() ? "" : "; ") +
                               std::string("receipts could not be fetched: ") + failure->message;
        }
    }
    report.statuses = signoff_statuses(space, *repository, r.space, records, agents);
    report.minor_changes = minor_changes_of(*repository, report.statuses);
    return report;
}

}  // namespace lectern::ledger
