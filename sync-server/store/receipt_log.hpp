#pragma once
// Each space's receipt log: one signed receipt per accepted ledger record, chained by hash
// (core/ledger/receipt.hpp says how). Rows are only ever appended. Opened by the server and by
// the hooks git runs (separate processes): SQLite's locking serialises the appends, and every
// append happens in a transaction that reads the previous hash and writes the next row.

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "ledger/receipt.hpp"
#include "store/database.hpp"

namespace lectern::ledger {
class SigningKey;
}

namespace lectern::server {

/// What a new receipt is for.
struct AcceptedRecord {
    std::string space;
    std::string record_id;
    std::string commit;
    std::string agent;
    std::string signed_at;
};

/// One receipt of the log as an agent-filtered listing shows it: whole, or only the hash of
/// its body when it belongs to someone the caller may not see.
struct LogEntry {
    std::int64_t seq = 0;
    std::optional<ledger::Receipt> receipt;
    std::string body_hash;
};

class ReceiptLog {
  public:
    explicit ReceiptLog(const std::filesystem::path& database);

    /// Appends the receipt of `record`, timed now, unless its commit has one already (then the
    /// existing receipt is returned). Throws Error(InvalidArgument) if the record id has a
    /// receipt for another commit.
    ledger::Receipt append(const AcceptedRecord& record, const ledger::SigningKey& key);

    std::optional<ledger::Receipt> find_by_commit(const std::string& space,
                                                  const std::string& commit);
    bool has_record(const std::string& space, const std::string& record_id);

    /// Entries with seq > after, at most `limit`, in order; receipts of other agents than
    /// `agent` (when given) reduced to their body hash.
    std::vector<LogEntry> entries(const std::string& space, const std::optional<std::string>& agent,
                                  std::int64_t after, std::int64_t limit);

    /// The head now, signed.
    ledger::LogHead head(const std::string& space, const ledger::SigningKey& key);

  private:
    std::mutex mutex_;
    Database db_;
};

}  // namespace lectern::server
