// The app's words for sync: the status line and the summary after a sync.

#include <clocale>

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace lectern::desktop
