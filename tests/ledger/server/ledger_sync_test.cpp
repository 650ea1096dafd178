// Records travel to the real server (core/ledger/ledger_sync.hpp): offline first, replayed,
// cancelled, refused, after a killed sync left git lock files, and receipts checked against
// the server key pinned on first sight.

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "ledger/key_registration.hpp"
#include "ledger/layout.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/receipt_store.hpp"
#include "ledger/record.hpp"
#include "ledger/report_builder.hpp"
#include "ledger/utc_time.hpp"
#include "ledger_fixture.hpp"
#include "ledger_world.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

std::string why(const ledger::LedgerSyncReport& r) {
    return r.failure ? r.failure->message : r.refusal;
}

std::size_t waiting(const LedgerWorld& w) {
    return ledger::count_records_waiting(w.ledger, w.config.user, w.config.device);
}

TEST(Ledger_Sync, SignedOfflineReachesTheServerWithItsReceipt) {
    LedgerWorld w = make_ledger_world("offline");
    enroll_in_process(w);
    EXPECT_EQ(waiting(w), 0u);
    const std::string id = sign_in_process(w);  // no server needed to sign
    EXPECT_EQ(waiting(w), 1u);

    auto offline = sync_options(w);
    offline.server = "http://127.0.0.1:" + std::to_string(unused_port());
    const auto failed = ledger::push_records(offline);
    ASSERT_TRUE(failed.failure);
    EXPECT_EQ(failed.failure->reason, sync::TransferFailureReason::Unreachable);
    EXPECT_EQ(server_copies(w, id), 0);
    EXPECT_EQ(waiting(w), 1u);

    std::size_t steps = 0;
    auto online = sync_options(w);
    online.progress.report = [&](const sync::ProgressStep&) { ++steps; };
    const auto report = ledger::push_records(online);
    ASSERT_TRUE(report.ok()) << why(report);
    EXPECT_GT(steps, 0u);
    EXPECT_EQ(report.records_pushed, 1u);
    EXPECT_EQ(report.receipts_fetched, 1u);
    EXPECT_TRUE(report.without_receipt.empty());
    EXPECT_EQ(waiting(w), 0u);
    EXPECT_EQ(ledger::count_records_without_receipt(w.ledger, w.config.user, w.config.device), 0u);
    EXPECT_EQ(server_copies(w, id), 1);
    EXPECT_EQ(server_receipts(w, id), 1);
    // The receipt is kept on the device and names the commit that carried the record.
    const auto stored = ledger::load_receipts(ledger::receipts_file(w.ledger, w.config.user));
    ASSERT_TRUE(stored.by_record.count(id));
    const auto local = ledger::LocalLedger::open(w.ledger)->records_on(
        ledger::agent_branch(w.config.user, w.config.device));
    EXPECT_EQ(stored.by_record.at(id).at("commit"), local.back().commit);
    // Registered on the way: the key file says so.
    EXPECT_FALSE(ledger::load_key(sync_options(w).key_file)->registered_at.empty());
}

TEST(Ledger_Sync, ReplayedTenTimesKeepsOneCopyOfEachRecord) {
    LedgerWorld w = make_ledger_world("replay");
    enroll_in_process(w);
    std::vector<std::string> ids = {sign_in_process(w, "screen-lock"),
                                    sign_in_process(w, "power-cut")};
    std::size_t pushed = 0;
    for (int i = 0; i < 10; ++i) {
        if (i == 4) ids.push_back(sign_in_process(w, "screen-lock"));
        const auto r = ledger::push_records(sync_options(w));
        ASSERT_TRUE(r.ok()) << why(r);
        pushed += r.records_pushed;
    }
    EXPECT_EQ(pushed, 3u);
    const auto on_server = server_records(w);
    EXPECT_EQ(on_server.size(), 3u);
    for (const auto& id : ids) {
        EXPECT_EQ(server_copies(w, id), 1) << id;
        EXPECT_EQ(server_receipts(w, id), 1) << id;
    }
}

TEST(Ledger_Sync, CancelledPushKeepsTheQueueAndARetrySendsOneCopy) {
    LedgerWorld w = make_ledger_world("cancel");
    enroll_in_process(w);
    const std::string id = sign_in_process(w);
    sync::CancelToken before;
    before.cancel();
    auto options = sync_options(w);
    options.progress.cancel = &before;
    const auto stopped = ledger::push_records(options);
    ASSERT_TRUE(stopped.failure);
    EXPECT_EQ(stopped.failure->reason, sync::TransferFailureReason::Cancelled);
    EXPECT_EQ(server_copies(w, id), 0);
    EXPECT_EQ(waiting(w), 1u);

    // Cancelled mid-stream, as the app's Cancel button does from another thread.
    sync::CancelToken midway;
    options.progress.cancel = &midway;
    options.progress.report = [&](const sync::ProgressStep& step) {
        if (step.phase == "pushing") midway.cancel();
    };
    (void)ledger::push_records(options);
    const auto retried = ledger::push_records(sync_options(w));
    ASSERT_TRUE(retried.ok()) << why(retried);
    EXPECT_EQ(server_copies(w, id), 1);
    EXPECT_EQ(server_receipts(w, id), 1);
    EXPECT_EQ(waiting(w), 0u);
}

TEST(Ledger_Sync, RefusedRecordSaysWhyAndStaysQueued) {
    LedgerWorld w = make_ledger_world("refused");
    const auto stored = enroll_in_process(w);
    // A record of a version the server's content never had.
    auto key = ledger::unseal_key(stored, passphrase(kPassphrase));
    ASSERT_TRUE(key);
    ledger::Record r;
    r.id = ledger::new_record_id();
    r.kind = "signoff";
    r.space = w.space.name;
    r.agent = w.config.user;
    r.device = w.config.device;
    r.document_id = "screen-lock";
    r.path = "procedures/screen-lock.md";
    r.title = "Screen lock";
    r.content_commit = std::string(40, 'a');
    r.blob_id = std::string(40, 'b');
    r.meaning = "read and understood";
    r.signed_at = ledger::utc_timestamp();
    r.public_key = key->public_key().base64();
    ledger::sign_record(r, *key);
    ledger::LocalLedger::open_or_create(w.ledger).append(r);
    const auto report = ledger::push_records(sync_options(w));
    EXPECT_FALSE(report.ok());
    EXPECT_NE(report.refusal.find("does not exist"), std::string::npos) << report.refusal;
    EXPECT_EQ(server_copies(w, r.id), 0);
    EXPECT_EQ(waiting(w), 1u);  // still on the device, for the admin to look at
}

TEST(Ledger_Sync, KeyRegistrationIsIdempotentAndASecondKeyIsRefused) {
    LedgerWorld w = make_ledger_world("keys");
    const auto stored = enroll_in_process(w);
    const sync::Credentials me{w.config.user, w.config.token};
    const auto first = ledger::ensure_key_registered(w.config.server, me, sync_options(w).key_file);
    ASSERT_TRUE(first.ok()) << first.failure->message;
    const auto again = ledger::register_key(w.config.server, me, stored);
    ASSERT_TRUE(again.ok()) << again.failure->message;
    EXPECT_EQ(again.registered_at, first.registered_at);
    const auto other =
        ledger::seal_key(ledger::SigningKey::generate(), w.config.user, w.config.device,
                         passphrase(kPassphrase), ledger::KdfCost::minimum());
    const auto refused = ledger::register_key(w.config.server, me, other);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.failure->message.find("revoke"), std::string::npos)
        << refused.failure->message;
}

TEST(Ledger_Sync, ReceiptsUnderAnotherServerKeyAreNotStored) {
    LedgerWorld w = make_ledger_world("serverkey");
    enroll_in_process(w);
    sign_in_process(w);
    const auto file = ledger::receipts_file(w.ledger, w.config.user);
    ledger::ReceiptStore pinned;
    pinned.server_key = ledger::SigningKey::generate().public_key().base64();  // not the server's
    ledger::save_receipts(file, pinned);
    const auto report = ledger::push_records(sync_options(w));
    ASSERT_TRUE(report.failure);
    EXPECT_NE(report.failure->message.find("another key"), std::string::npos)
        << report.failure->message;
    EXPECT_TRUE(ledger::load_receipts(file).by_record.empty());
    EXPECT_EQ(report.without_receipt.size(), 1u);
    EXPECT_EQ(ledger::count_records_without_receipt(w.ledger, w.config.user, w.config.device), 1u);
}

TEST(Ledger_Sync, GitLockFilesLeftByAKilledSyncAreRemoved) {
    LedgerWorld w = make_ledger_world("locks");
    enroll_in_process(w);
    const std::string id = sign_in_process(w);
    // What a sync killed while moving its refs leaves behind.
    const fs::path tracking = w.ledger / "refs/remotes/origin/agents" / w.config.user;
    fs::create_directories(tracking);
    write_file(tracking / (w.config.device + ".lock"), "");
    write_file(w.ledger / "packed-refs.lock", "");
    const auto report = ledger::push_records(sync_options(w));
    ASSERT_TRUE(report.ok()) << why(report);
    EXPECT_FALSE(fs::exists(tracking / (w.config.device + ".lock")));
    EXPECT_FALSE(fs::exists(w.ledger / "packed-refs.lock"));
    EXPECT_EQ(server_copies(w, id), 1);
    EXPECT_EQ(waiting(w), 0u);
}

TEST(Ledger_Sync, SupervisorReportCoversTheSpaceAgentsSeeTheirOwn) {
    LedgerWorld w = make_ledger_world("report");
    enroll_in_process(w);
    sign_in_process(w, "screen-lock");
    ASSERT_TRUE(ledger::push_records(sync_options(w)).ok());
    become(w, w.second_agent);
    enroll_in_process(w);
    sign_in_process(w, "power-cut");
    ASSERT_TRUE(ledger::push_records(sync_options(w)).ok());

    const auto request_as = [&](const Account& who) {
        ledger::ReportRequest r;
        r.content = w.content;
        r.space = w.space.name;
        r.ledger = w.ledger;
        r.server = w.config.server;
        r.credentials = {who.user, who.token};
        return r;
    };
    const auto agent_view = ledger::build_signoff_report(request_as(w.second_agent));
    EXPECT_EQ(agent_view.scope, "agent " + w.second_agent.user);
    ASSERT_FALSE(agent_view.statuses.empty());
    for (const auto& s : agent_view.statuses) EXPECT_EQ(s.agent, w.second_agent.user);
    auto other = request_as(w.second_agent);
    other.agents = {w.space.agent.user};
    EXPECT_THROW(ledger::build_signoff_report(other), Error);

    become(w, w.supervisor);
    const auto space_view = ledger::build_signoff_report(request_as(w.supervisor));
    EXPECT_EQ(space_view.scope, "space");
    int signed_rows = 0;
    for (const auto& s : space_view.statuses) {
        if (s.state != ledger::SignoffState::Signed) continue;
        ++signed_rows;
        ASSERT_TRUE(s.signoff);
        EXPECT_TRUE(space_view.receipts.count(s.signoff->record.id)) << s.agent;
    }
    EXPECT_EQ(signed_rows, 2);  // each agent signed one of the two procedures
    EXPECT_EQ(space_view.statuses.size(), 4u);
    const std::string csv = ledger::report_csv(space_view);
    EXPECT_NE(csv.find(w.space.agent.user + ",screen-lock,"), std::string::npos) << csv;
    EXPECT_NE(csv.find(w.second_agent.user + ",power-cut,"), std::string::npos) << csv;
}

}  // namespace
}  // namespace lectern::test
