// The app's words for sync: the status line and the summary after a sync.

#include <clocale>

#include <gtest/gtest.h>

#include "ledger/record.hpp"
#include "set_aside_text.hpp"
#include "sync_text.hpp"
#include "wx_text.hpp"

namespace lectern::desktop {
namespace {

// The app runs in a UTF-8 locale; wx converts narrow literals (the middle dots) through it.
struct Utf8Locale {
    Utf8Locale() { std::setlocale(LC_ALL, "C.UTF-8"); }
};

TEST(DesktopSyncText, SummaryNamesEachKindAndWhatNeedsASignature) {
    Utf8Locale utf8;
    progress::SyncSummary s;
    s.procedures = 3;
    s.need_signature = 1;
    EXPECT_EQ(from_wx(sync_summary_text(s)), "3 procedures updated, 1 needs your signature");
    s.scripts = 1;
    s.removed = 2;
    EXPECT_EQ(from_wx(sync_summary_text(s)),
              "3 procedures updated, 1 script updated, 2 documents removed, 1 needs your "
              "signature");
    EXPECT_EQ(from_wx(sync_summary_text({})), "No changes");
}

TEST(DesktopSyncText, StatusSaysOfflineAndRecordsWaiting) {
    Utf8Locale utf8;
    sync::SpaceStatus status;
    status.space = "alpha";
    EXPECT_EQ(from_wx(sync_status_text(status)), "Never synced");
    sync::SyncState last;
    last.last_success = "2020-01-02T03:04:05Z";
    last.failure_reason = "unreachable";
    status.last = last;
    status.ledger_waiting = 2;
    const std::string text = from_wx(sync_status_text(status));
    EXPECT_TRUE(text.starts_with("Offline \u00b7 last sync ")) << text;
    // Not today: a date comes before the time.
    EXPECT_GT(text.size(),
              std::string("Offline \u00b7 last sync 03:04 \u00b7 2 records waiting").size())
        << text;
    EXPECT_TRUE(text.ends_with("2 records waiting")) << text;
    status.last->failure_reason.clear();
    status.ledger_waiting = 1;
    const std::string ok = from_wx(sync_status_text(status));
    EXPECT_TRUE(ok.starts_with("Last sync ")) << ok;
    EXPECT_TRUE(ok.ends_with("1 record waiting")) << ok;
    EXPECT_EQ(from_wx(sample_status_text(2)),
              "Sample content, offline \u00b7 2 signatures kept on this computer");
}

TEST(DesktopSetAsideText, StatusCountsAndEachRowSaysWhatToDo) {
    Utf8Locale utf8;
    EXPECT_EQ(from_wx(set_aside_status_text(0)), "");
    EXPECT_EQ(from_wx(set_aside_status_text(1)), " \u00b7 1 record set aside (Ctrl+Shift+A)");
    EXPECT_EQ(from_wx(set_aside_status_text(3)), " \u00b7 3 records set aside (Ctrl+Shift+A)");

    ledger::StoredRecord signoff;
    signoff.record.kind = std::string(ledger::kKindSignoff);
    signoff.record.document_id = "vpn-security";
    signoff.record.title = "VPN (as signed)";
    signoff.record.device = "laptop";
    signoff.record.signed_at = "2026-03-04T05:06:07Z";
    ledger::StoredRecord attempt = signoff;
    attempt.record.kind = std::string(ledger::kKindQuizAttempt);
    attempt.record.document_id = "gdpr-basics";
    attempt.record.title.clear();
    const auto rows = set_aside_rows({signoff, attempt}, nullptr);
    ASSERT_EQ(rows.size(), 2u);
    // Without the content, the title the agent saw; without that, the id.
    EXPECT_EQ(from_wx(rows[0].document), "VPN (as signed)");
    EXPECT_EQ(from_wx(rows[1].document), "gdpr-basics");
    EXPECT_EQ(rows[0].document_id, "vpn-security");
    EXPECT_EQ(from_wx(rows[0].what), "Sign-off");
    EXPECT_EQ(from_wx(rows[1].what), "Quiz attempt");
    EXPECT_EQ(from_wx(rows[0].device), "laptop");
    // In the user's time zone and locale: not core's text, a date and a time (not today).
    EXPECT_NE(from_wx(rows[0].signed_at), "2026-03-04T05:06:07Z");
    EXPECT_NE(from_wx(rows[0].signed_at).find(':'), std::string::npos);
    EXPECT_NE(from_wx(rows[0].signed_at).find(' '), std::string::npos);
    EXPECT_NE(from_wx(rows[0].why_and_what_to_do).find("Sign the document again"),
              std::string::npos);
    EXPECT_NE(from_wx(rows[1].why_and_what_to_do).find("Take the quiz again"), std::string::npos);
    for (const auto& row : rows)
        EXPECT_NE(from_wx(row.why_and_what_to_do).find("revoked"), std::string::npos);
}

}  // namespace
}  // namespace lectern::desktop
