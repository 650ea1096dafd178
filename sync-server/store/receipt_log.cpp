#include "store/receipt_log.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "ledger/canonical_json.hpp"
#include "ledger/ed25519.hpp"
#include "ledger/utc_time.hpp"
#include "store/store.hpp"

namespace lectern::server {

namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS receipts (
    space TEXT NOT NULL,
    seq INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    commit_id TEXT NOT NULL,
    agent TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    receipt TEXT NOT NULL,
    PRIMARY KEY (space, seq),
    UNIQUE (space, record_id),
    UNIQUE (space, commit_id)
);
-- The log is append-only: the database itself refuses to change or drop a receipt.
CREATE TRIGGER IF NOT EXISTS receipts_no_update BEFORE UPDATE ON receipts
    BEGIN SELECT RAISE(ABORT, 'receipts are append-only'); END;
CREATE TRIGGER IF NOT EXISTS receipts_no_delete BEFORE DELETE ON receipts
    BEGIN SELECT RAISE(ABORT, 'receipts are append-only'); END;
)sql";

ledger::Receipt parse_stored(const std::string& text) {
    return ledger::receipt_from_json(nlohmann::json::parse(text));
}

std::vector<std::string> flags_for(const std::string& signed_at, std::int64_t now) {
    const auto at = ledger::parse_utc(signed_at);
    if (!at || (*at > now ? *at - now : now - *at) > ledger::kClockToleranceSeconds)
        return {ledger::kClockFlag};
    return {};
}

}  // namespace

ReceiptLog::ReceiptLog(const std::filesystem::path& database) : db_(database) {
    db_.exec(kSchema);
}

std::optional<ledger::Receipt> ReceiptLog::find_by_commit(const std::string& space,
                                                          const std::string& commit) {
    std::lock_guard lock(mutex_);
    auto st = db_.prepare("SELECT receipt FROM receipts WHERE space = ? AND commit_id = ?");
    st.bind(1, space).bind(2, commit);
    if (!st.step()) return std::nullopt;
    return parse_stored(st.column_text(0));
}

bool ReceiptLog::has_record(const std::string& space, const std::string& record_id) {
    std::lock_guard lock(mutex_);
    auto st = db_.prepare("SELECT 1 FROM receipts WHERE space = ? AND record_id = ?");
    st.bind(1, space).bind(2, record_id);
    return st.step();
}

ledger::Receipt ReceiptLog::append(const AcceptedRecord& record, const ledger::SigningKey& key) {
    std::lock_guard lock(mutex_);
    Transaction tx(db_);
    {
        auto same = db_.prepare("SELECT receipt FROM receipts WHERE space = ? AND commit_id = ?");
        same.bind(1, record.space).bind(2, record.commit);
        if (same.step()) return parse_stored(same.column_text(0));
    }
    {
        auto dup = db_.prepare("SELECT commit_id FROM receipts WHERE space = ? AND record_id = ?");
        dup.bind(1, record.space).bind(2, record.record_id);
        if (dup.step()) {
            throw Error(ErrorKind::InvalidArgument, "record " + record.record_id +
                                                        " has a receipt for commit " +
                                                        dup.column_text(0) + " already");
        }
    }
    std::int64_t seq = 1;
    std::string prev = ledger::kEmptyLogHash;
    {
        auto last =
            db_.prepare("SELECT seq, hash FROM receipts WHERE space = ? ORDER BY seq DESC LIMIT 1");
        last.bind(1, record.space);
        if (last.step()) {
            seq = last.column_int(0) + 1;
            prev = last.column_text(1);
        }
    }
    const std::int64_t now = unix_now();
    ledger::Receipt r;
    r.seq = seq;
    r.space = record.space;
    r.record_id = record.record_id;
    r.commit = record.commit;
    r.agent = record.agent;
    r.server_time = ledger::format_utc(now);
    r.signed_at = record.signed_at;
    r.flags = flags_for(record.signed_at, now);
    ledger::seal_receipt(r, prev, key);
    db_.prepare(
           "INSERT INTO receipts (space, seq, record_id, commit_id, agent, body_hash, hash, "
           "receipt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, r.space)
        .bind(2, r.seq)
        .bind(3, r.record_id)
        .bind(4, r.commit)
        .bind(5, r.agent)
        .bind(6, ledger::receipt_body_hash(r))
        .bind(7, r.hash)
        .bind(8, ledger::canonical_json(ledger::to_json(r)))
        .run();
    tx.commit();
    return r;
}

std::vector<LogEntry> ReceiptLog::entries(const std::string& space,
                                          const std::optional<std::string>& agent,
                                          std::int64_t after, std::int64_t limit) {
    std::lock_guard lock(mutex_);
    std::vector<LogEntry> out;
    auto st = db_.prepare(
        "SELECT seq, agent, body_hash, receipt FROM receipts WHERE space = ? AND seq > ? "
        "ORDER BY seq LIMIT ?");
    st.bind(1, space).bind(2, after).bind(3, limit);
    while (st.step()) {
        LogEntry e;
        e.seq = st.column_int(0);
        e.body_hash = st.column_text(2);
        if (!agent || st.column_text(1) == *agent) e.receipt = parse_stored(st.column_text(3));
        out.push_back(std::move(e));
    }
    return out;
}

ledger::LogHead ReceiptLog::head(const std::string& space, const ledger::SigningKey& key) {
    ledger::LogHead h;
    h.space = space;
    h.hash = ledger::kEmptyLogHash;
    {
        std::lock_guard lock(mutex_);
        auto st =
            db_.prepare("SELECT seq, hash FROM receipts WHERE space = ? ORDER BY seq DESC LIMIT 1");
        st.bind(1, space);
        if (st.step()) {
            h.size = st.column_int(0);
            h.hash = st.column_text(1);
        }
    }
    h.server_time = ledger::format_utc(unix_now());
    ledger::sign_log_head(h, key);
    return h;
}

}  // namespace lectern::server
