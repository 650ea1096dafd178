// `lectern signoffs` and `lectern report` on the receipts they rely on: another agent's
// sign-offs for a supervisor from the space's ledger on the server (refused to an agent, and
// said so when nothing was fetched yet), and every receipt checked against the pinned server
// key and the receipt log's chain, on this machine's stored receipts as on the server's.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/diagnostic.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "ledger/keys.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/receipt.hpp"
#include "ledger/receipt_store.hpp"
#include "ledger/record.hpp"
#include "ledger/signoff_document.hpp"
#include "ledger_fixture.hpp"
#include "ledger_world.hpp"
#include "state_dir.hpp"
#include "store/database.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

// The line of `document` in `lectern signoffs` output.
std::string line_of(const std::string& out, const std::string& document) {
    const std::size_t at = out.find("  " + document + "  ");
    if (at == std::string::npos) return {};
    const std::size_t start = out.rfind('\n', at);
    const std::size_t from = start == std::string::npos ? 0 : start + 1;
    return out.substr(from, out.find('\n', at) - from);
}

// The CSV row of `agent` and `document`.
std::string row_of(const std::string& csv, const std::string& agent, const std::string& document) {
    const std::size_t at = csv.find("\n" + agent + "," + document + ",");
    if (at == std::string::npos) return {};
    return csv.substr(at + 1, csv.find('\r', at) - at - 1);
}

TEST(Ledger_Signoffs, SignoffsOfAnotherAgentComeFromTheServerForSupervisorsOnly) {
    LedgerWorld w = make_ledger_world("signoffs-agent");
    enroll_in_process(w);
    const std::string signed_id = sign_in_process(w, "screen-lock");
    ASSERT_TRUE(ledger::push_records(sync_options(w)).ok());
    const std::string agent = w.space.agent.user;

    // An agent asking for someone else's is refused, saying why.
    auto r = lectern("signoffs --agent " + w.second_agent.user + " --space " + w.space.name);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("you may see only your own records"), std::string::npos) << r.output;

    // The supervisor on their own machine.
    w.home = fresh_client_home();
    become(w, w.supervisor);
    sync_content(w);
    const std::string space = " --space " + w.space.name;
    r = lectern("signoffs --offline --agent " + agent + space);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("has not been fetched from the server"), std::string::npos) << r.output;
    r = lectern("signoffs --agent " + agent + space);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(line_of(r.output, "screen-lock").find("signed  screen-lock"), std::string::npos)
        << r.output;
    EXPECT_NE(line_of(r.output, "screen-lock").find("receipt valid"), std::string::npos)
        << r.output;
    EXPECT_EQ(line_of(r.output, "power-cut").rfind("unsigned", 0), 0u) << r.output;
    r = lectern("signoffs --json --status signed --agent " + agent + space);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto rows = nlohmann::json::parse(r.output.substr(r.output.find('[')));
    ASSERT_EQ(rows.size(), 1u) << r.output;
    EXPECT_EQ(rows[0].value("receipt_check", ""), "valid") << r.output;
    EXPECT_NE(r.output.find(signed_id), std::string::npos) << r.output;
    // Offline now: what was fetched.
    r = lectern("signoffs --offline --agent " + agent + space);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(line_of(r.output, "screen-lock").find("signed  screen-lock"), std::string::npos)
        << r.output;
    // An agent who never synced anything: every document unsigned, and said so.
    r = lectern("signoffs --agent " + w.second_agent.user + space);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("no record of " + w.second_agent.user + " has reached the server"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(line_of(r.output, "screen-lock").rfind("unsigned", 0), 0u) << r.output;
}

// Deletes seq `seq` of the space's receipt log on the server, as a server that drops history
// would (lifting the append-only trigger for it).
void drop_server_receipt(const std::string& space, std::int64_t seq) {
    server::StateDir state(TestServer::get().state_dir());
    server::Database db(state.database());
    server::Transaction change(db);
    db.exec("DROP TRIGGER receipts_no_delete");
    auto drop = db.prepare("DELETE FROM receipts WHERE space = ? AND seq = ?");
    drop.bind(1, space).bind(2, seq);
    drop.run();
    db.exec(
        "CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts "
        "BEGIN SELECT RAISE(ABORT, 'receipts are append-only'); END");
    change.commit();
}

TEST(Ledger_Signoffs, ReportAndSignoffsFlagATamperedStoredReceiptAndABrokenChain) {
    LedgerWorld w = make_ledger_world("receipt-chain");
    const std::string agent = w.space.agent.user;
    enroll_in_process(w);
    const std::string first = sign_in_process(w, "screen-lock");  // receipt seq 1
    ASSERT_TRUE(ledger::push_records(sync_options(w)).ok());
    become(w, w.second_agent);
    enroll_in_process(w);
    sign_in_process(w, "screen-lock");  // seq 2: the agent holds it as a link
    ASSERT_TRUE(ledger::push_records(sync_options(w)).ok());
    become(w, w.space.agent);
    const std::string second = sign_in_process(w, "power-cut");  // seq 3
    ASSERT_TRUE(ledger::push_records(sync_options(w)).ok());
    const std::string space = " --space " + w.space.name;

    auto r = lectern("report --offline --format csv" + space);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(row_of(r.output, agent, "screen-lock").ends_with(",valid")) << r.output;
    EXPECT_TRUE(row_of(r.output, agent, "power-cut").ends_with(",valid")) << r.output;

    // The link the agent holds for seq 2 is gone: seq 3's receipt no longer joins the chain.
    const fs::path file = ledger::receipts_file(w.ledger, agent);
    const ledger::ReceiptStore good = ledger::load_receipts(file);
    ASSERT_EQ(good.links.size(), 1u);
    ledger::ReceiptStore store = good;
    store.links.clear();
    ledger::save_receipts(file, store);
    r = lectern("report --offline --format csv" + space);
    EXPECT_TRUE(row_of(r.output, agent, "screen-lock").ends_with(",valid")) << r.output;
    EXPECT_NE(row_of(r.output, agent, "power-cut")
                  .find("refused (the receipt is not part of an unbroken receipt log (the "
                        "receipt log has no entry at seq 2"),
              std::string::npos)
        << r.output;
    r = lectern("signoffs" + space);
    EXPECT_NE(line_of(r.output, "power-cut").find("receipt refused"), std::string::npos)
        << r.output;

    // A stored receipt edited (its server time moved): it no longer checks, nor do those after.
    store = good;
    store.by_record.at(first)["server_time"] = "2020-01-01T00:00:00Z";
    ledger::save_receipts(file, store);
    r = lectern("report --offline --format csv" + space);
    EXPECT_TRUE(row_of(r.output, agent, "screen-lock")
                    .ends_with(",refused (the receipt is not sealed by the server's key)"))
        << r.output;
    EXPECT_NE(row_of(r.output, agent, "power-cut").find("not part of an unbroken receipt log"),
              std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find(agent + " screen-lock record " + first + ": refused"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find("2020-01-01"), std::string::npos) << r.output;
    r = lectern("signoffs --json" + space);
    EXPECT_NE(r.output.find("\"receipt_check\": \"refused (the receipt is not sealed"),
              std::string::npos)
        << r.output;
    ledger::save_receipts(file, good);

    // The server drops seq 2 from its log: a supervisor's report, fetching every receipt,
    // believes seq 1 and none after the gap.
    drop_server_receipt(w.space.name, 2);
    w.home = fresh_client_home();
    become(w, w.supervisor);
    sync_content(w);
    r = lectern("report --format csv" + space);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(row_of(r.output, agent, "screen-lock").ends_with(",valid")) << r.output;
    EXPECT_NE(row_of(r.output, agent, "power-cut").find("no entry at seq 2"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find(agent + " power-cut record " + second), std::string::npos) << r.output;
}

TEST(Ledger_Signoffs, ReportFlagsASignoffWhoseClientClockWasFarFromTheServers) {
    LedgerWorld w = make_ledger_world("clock");
    // This device's key, kept open here to sign a record as a device whose clock is years off.
    const ledger::SigningKey key = ledger::SigningKey::generate();
    ledger::save_key(ledger::key_file(ledger::keys_dir(), w.config.user, w.config.device),
                     ledger::seal_key(key, w.config.user, w.config.device, passphrase(kPassphrase),
                                      ledger::KdfCost::minimum()));
    Diagnostics problems;
    const auto space = content::Space::load(w.content, problems);
    const auto repo = content::ContentRepository::open(w.content);
    ASSERT_TRUE(repo);
    const auto doc = ledger::document_to_sign(space, *repo, w.space.name, "screen-lock");
    ledger::Record record;
    record.id = ledger::new_record_id();
    record.kind = ledger::kKindSignoff;
    record.space = doc.space;
    record.agent = w.config.user;
    record.device = w.config.device;
    record.document_id = doc.document_id;
    record.path = doc.path;
    record.title = doc.title;
    record.content_commit = doc.content_commit;
    record.blob_id = doc.blob_id;
    record.meaning = ledger::kMeaningReadAndUnderstood;
    record.signed_at = "2020-01-01T00:00:00Z";
    ledger::sign_record(record, key);
    ledger::LocalLedger::open_or_create(w.ledger).append(record);
    ASSERT_TRUE(ledger::push_records(sync_options(w)).ok());

    auto r = lectern("report --offline --format csv --space " + w.space.name);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::string row = row_of(r.output, w.config.user, "screen-lock");
    EXPECT_NE(row.find(",2020-01-01T00:00:00Z,"), std::string::npos) << r.output;
    EXPECT_NE(row.find(std::string(",") + ledger::kClockFlag + ","), std::string::npos) << r.output;
    EXPECT_TRUE(row.ends_with(",valid")) << r.output;
}

}  // namespace
}  // namespace lectern::test
