// `lectern audit export` against the real server and `lectern audit verify` offline: a good
// bundle verifies, and every kind of tampering is caught.

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "audit_fixture.hpp"
#include "common/error.hpp"
#include "ledger/audit_verify.hpp"
#include "ledger/layout.hpp"
#include "ledger/receipt_issuer.hpp"
#include "ledger/server_key.hpp"
#include "store/database.hpp"
#include "store/receipt_log.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;
using ledger::AuditBundle;

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The failures verify finds in `b` (empty: it verifies).
std::vector<std::string> failures_of(const AuditBundle& b,
                                     const std::optional<ledger::LogHead>& kept = {}) {
    return ledger::verify_bundle(b, kept).failures;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += s + "\n";
    return out;
}

const std::string kAgentBranch = ledger::agent_branch("alpha-agent", "audit-1");

TEST(Audit_Export, FullBundleVerifiesOffline) {
    const fs::path bundle = export_bundle("full.json");
    const auto r = lectern("audit verify '" + bundle.string() + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("records: 3, agents: 2"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("verified"), std::string::npos) << r.output;
}

TEST(Audit_Export, OneAgentsBundleHidesOthersButVerifies) {
    const fs::path path = export_bundle("agent.json", "--agent alpha-agent");
    const AuditBundle b = ledger::read_bundle(path);
    EXPECT_EQ(b.branches.size(), 1u);
    EXPECT_EQ(b.receipts.size(), 2u);
    EXPECT_EQ(b.links.size(), 1u);  // the trainer's receipt, as its hash only
    EXPECT_EQ(read_file(path).find(audit_ledger().trainer_record.id), std::string::npos);
    EXPECT_TRUE(failures_of(b).empty()) << joined(failures_of(b));
}

TEST(Audit_Export, AgentCannotExport) {
    auto& s = server_with_content();
    const fs::path dir = s.fresh_dir("audit-agent");
    std::ofstream(dir / "token") << s.account("alpha-agent").token << '\n';
    const auto r = lectern("audit export --server " + s.url() +
                           " --space alpha --user alpha-agent --token-fd 3 --out '" +
                           (dir / "b.json").string() + "' 3<'" + (dir / "token").string() + "'");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("403"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "b.json"));
}

TEST(Audit_Verify, EveryFlippedByteIsDetected) {
    const std::string text = read_file(export_bundle("flip.json", "--agent alpha-agent"));
    ASSERT_TRUE(failures_of(ledger::parse_bundle(text, "flip.json")).empty());
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::size_t> undetected;
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::string flipped = text;
        flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
        try {
            if (ledger::verify_bundle(ledger::parse_bundle(flipped, "flipped"), {}, true).ok())
                undetected.push_back(i);
        } catch (const Error&) {
            // Refused as a bundle at all: detected.
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string where;
    for (auto i : undetected)
        where += std::to_string(i) + ": ..." + text.substr(i > 20 ? i - 20 : 0, 40) + "...\n";
    EXPECT_TRUE(undetected.empty())
        << undetected.size() << " of " << text.size() << " flipped bytes went unnoticed:\n"
        << where;
    std::cout << "[ flipped " << text.size() << " bytes one at a time in " << seconds << " s ]\n";
}

TEST(Audit_Verify, DeletedRecordIsDetected) {
    const AuditBundle b = ledger::read_bundle(export_bundle("deleted.json"));
    const auto& records = audit_ledger().agent_records;
    // The branch without its last record (its receipt stays).
    AuditBundle without = b;
    put_branch(without, kAgentBranch, {records[0]});
    EXPECT_NE(joined(failures_of(without)).find("no branch of the bundle holds"), std::string::npos)
        << joined(failures_of(without));
    // And without its receipt too: the chain has a hole.
    AuditBundle both = without;
    std::erase_if(both.receipts, [&](const auto& r) { return r.record_id == records[1].id; });
    EXPECT_NE(joined(failures_of(both)).find("has no entry"), std::string::npos)
        << joined(failures_of(both));
}

TEST(Audit_Verify, ReorderedRecordsAreDetected) {
    AuditBundle b = ledger::read_bundle(export_bundle("reordered.json"));
    const auto& records = audit_ledger().agent_records;
    put_branch(b, kAgentBranch, {records[1], records[0]});
    EXPECT_FALSE(failures_of(b).empty());
    // Receipts listed out of order are refused as well.
    AuditBundle swapped = ledger::read_bundle(export_bundle("swapped.json"));
    std::swap(swapped.receipts[0], swapped.receipts[1]);
    EXPECT_NE(joined(failures_of(swapped)).find("out of order"), std::string::npos);
}

TEST(Audit_Verify, DuplicatedRecordIsDetected) {
    AuditBundle b = ledger::read_bundle(export_bundle("duplicated.json"));
    const auto& records = audit_ledger().agent_records;
    put_branch(b, ledger::agent_branch("alpha-agent", "audit-copy"), {records[0]});
    EXPECT_FALSE(failures_of(b).empty());
    AuditBundle twice = ledger::read_bundle(export_bundle("twice.json"));
    twice.receipts.push_back(twice.receipts.back());
    EXPECT_FALSE(failures_of(twice).empty());
}

TEST(Audit_Verify, RecordMovedToAnotherAgentIsDetected) {
    AuditBundle b = ledger::read_bundle(export_bundle("moved.json"));
    const std::string tip = b.branches.at(kAgentBranch);
    b.branches.erase(kAgentBranch);
    b.branches[ledger::agent_branch("alpha-trainer", "audit-1")] = tip;
    EXPECT_NE(joined(failures_of(b)).find("moved from another branch"), std::string::npos)
        << joined(failures_of(b));
}

TEST(Audit_Verify, RecordMovedToAnotherVersionIsDetected) {
    AuditBundle b = ledger::read_bundle(export_bundle("version.json"));
    auto records = audit_ledger().agent_records;
    // The first record (checked first) now names another version than the one signed.
    records[0].blob_id = std::string(40, 'a');
    put_branch(b, kAgentBranch, records);
    EXPECT_NE(joined(failures_of(b)).find("the signature does not match"), std::string::npos)
        << joined(failures_of(b));
}

TEST(Audit_Verify, BackdatedRecordOrReceiptIsDetected) {
    AuditBundle b = ledger::read_bundle(export_bundle("backdated.json"));
    auto records = audit_ledger().agent_records;
    records[0].signed_at = "2020-01-01T00:00:00Z";
    put_branch(b, kAgentBranch, records);
    EXPECT_NE(joined(failures_of(b)).find("the signature does not match"), std::string::npos)
        << joined(failures_of(b));
    AuditBundle receipt = ledger::read_bundle(export_bundle("backdated-receipt.json"));
    receipt.receipts[0].server_time = "2020-01-01T00:00:00Z";
    EXPECT_NE(joined(failures_of(receipt)).find("not sealed by the server's key"),
              std::string::npos);
}

TEST(Audit_Verify, ServerHistoryRewriteIsCaughtWithTheKeptHead) {
    auto& s = server_with_content();
    const fs::path first = export_bundle("before-rewrite.json");
    const fs::path head = first.parent_path() / "kept-head.json";
    auto r = lectern("audit verify '" + first.string() + "' --keep-head '" + head.string() + "'");
    ASSERT_EQ(r.exit_code, 0) << r.output;

    // The server's operator rewrites the log: drops every receipt after the first and issues
    // them again (new times, so new hashes), all signed with the server's real key.
    server::StateDir state(s.state_dir());
    {
        server::Database db(state.database());
        db.exec(
            "DROP TRIGGER receipts_no_delete; DELETE FROM receipts WHERE space = 'alpha' AND "
            "seq > 1;");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a different second
    server::ReceiptLog log(state.database());
    ASSERT_FALSE(server::issue_missing_receipts(state, "alpha", log, server::load_server_key(state))
                     .empty());

    const fs::path second = export_bundle("after-rewrite.json");
    r = lectern("audit verify '" + second.string() + "'");
    EXPECT_EQ(r.exit_code, 0) << "on its own the rewritten log is consistent:\n" << r.output;
    r = lectern("audit verify '" + second.string() + "' --head '" + head.string() + "'");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("rewrote its history"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace lectern::test
