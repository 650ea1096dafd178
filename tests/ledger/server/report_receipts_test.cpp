// A supervisor's `lectern report` checks every receipt the server hands out against the server
// key pinned on the supervisor's machine and the record it names, and says which sign-offs
// have no valid receipt: none yet, or one that does not check out.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ledger/keys.hpp"
#include "ledger/receipt_store.hpp"
#include "ledger_world.hpp"
#include "state_dir.hpp"
#include "store/database.hpp"

namespace lectern::test {
namespace {

// What a broken or dishonest server would hand out: a stored receipt with its time changed
// after it was sealed (by someone who can write the server's database and lifts its
// append-only trigger for the change).
void alter_server_receipt(const std::string& space, const std::string& record_id) {
    server::StateDir state(TestServer::get().state_dir());
    server::Database db(state.database());
    auto read = db.prepare("SELECT receipt FROM receipts WHERE space = ? AND record_id = ?");
    read.bind(1, space).bind(2, record_id);
    ASSERT_TRUE(read.step()) << "no receipt for " << record_id;
    auto receipt = nlohmann::json::parse(read.column_text(0));
    receipt["server_time"] = "2020-01-01T00:00:00Z";
    server::Transaction change(db);
    db.exec("DROP TRIGGER receipts_no_update");
    auto write = db.prepare("UPDATE receipts SET receipt = ? WHERE space = ? AND record_id = ?");
    write.bind(1, receipt.dump()).bind(2, space).bind(3, record_id);
    write.run();
    db.exec("CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts "
            "BEGIN SELECT RAISE(ABORT, 'receipts are append-only'); END");
    change.commit();
}

// The CSV row of `agent` and `document`.
std::string row_of(const std::string& csv, const std::string& agent, const std::string& document) {
    const std::size_t at = csv.find("\n" + agent + "," + document + ",");
    if (at == std::string::npos) return {};
    return csv.substr(at + 1, csv.find('\r', at) - at - 1);
}

TEST(Ledger_Cli, SupervisorReportChecksEveryReceiptAndListsSignoffsWithoutAValidOne) {
    LedgerWorld w = make_ledger_world("receipts");
    enroll_in_process(w);
    const std::string received = sign_in_process(w, "screen-lock");
    ASSERT_TRUE(ledger::push_records(sync_options(w)).ok());
    const std::string queued = sign_in_process(w, "power-cut");  // never synced: no receipt
    become(w, w.second_agent);
    enroll_in_process(w);
    const std::string altered = sign_in_process(w, "screen-lock");
    ASSERT_TRUE(ledger::push_records(sync_options(w)).ok());  // checked and stored as it was
    alter_server_receipt(w.space.name, altered);

    become(w, w.supervisor);
    const std::string space = " --space " + w.space.name;
    auto r = lectern("report --format csv" + space);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    const std::string& out = r.output;
    EXPECT_NE(out.find(",receipt_check\r\n"), std::string::npos) << out;
    EXPECT_NE(row_of(out, w.space.agent.user, "screen-lock").find("," + received + ","),
              std::string::npos)
        << out;
    EXPECT_TRUE(row_of(out, w.space.agent.user, "screen-lock").ends_with(",valid")) << out;
    EXPECT_TRUE(row_of(out, w.space.agent.user, "power-cut").ends_with(",none")) << out;
    const std::string bad = row_of(out, w.second_agent.user, "screen-lock");
    EXPECT_TRUE(bad.ends_with(",refused (the receipt is not sealed by the server's key)")) << out;
    // The altered time is not shown as the time the server received it.
    EXPECT_EQ(bad.find("2020-01-01"), std::string::npos) << bad;
    // Said on stderr too, one line per sign-off, naming the record.
    EXPECT_NE(out.find("sign-offs without a valid receipt"), std::string::npos) << out;
    EXPECT_NE(out.find(w.second_agent.user + " screen-lock record " + altered +
                       ": refused (the receipt is not sealed"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find(w.space.agent.user + " power-cut record " + queued +
                       ": no receipt from the server"),
              std::string::npos)
        << out;
    EXPECT_EQ(out.find("screen-lock record " + received), std::string::npos) << out;

    // The supervisor's machine pinned the server's key; a server that later shows another key
    // gets none of its receipts believed.
    const auto file = ledger::receipts_file(w.ledger, w.supervisor.user);
    ledger::ReceiptStore pinned = ledger::load_receipts(file);
    EXPECT_FALSE(pinned.server_key.empty());
    pinned.server_key = ledger::SigningKey::generate().public_key().base64();
    ledger::save_receipts(file, pinned);
    r = lectern("report --format csv" + space);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("another key"), std::string::npos) << r.output;
    EXPECT_TRUE(row_of(r.output, w.space.agent.user, "screen-lock").ends_with(",none")) << r.output;
    EXPECT_NE(r.output.find("screen-lock record " + received + ": no receipt"), std::string::npos)
        << r.output;
}

}  // namespace
}  // namespace lectern::test
