// Standing, badges, path progress and the sync summary, from records signed through the real
// signing state machine into the sample copy's local ledger.

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "common/diagnostic.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "ledger/keys.hpp"
#include "ledger/ledger_fixture.hpp"
#include "ledger/signing.hpp"
#include "ledger/signoff_document.hpp"
#include "progress/path_progress.hpp"
#include "progress/reading_coverage.hpp"
#include "progress/record_place.hpp"
#include "progress/sign_procedure.hpp"
#include "progress/standing.hpp"
#include "progress/sync_summary.hpp"
#include "sync/sample_copy.hpp"

namespace lectern::progress {
namespace {

namespace fs = std::filesystem;

struct ProgressTest : ::testing::Test {
    test::TempDir data{"progress-data"};
    test::TempDir bundle{"progress-bundle"};
    ledger::StoredKey key = test::sealed_key("maria", "laptop");
    sync::SampleCopy copy;

    void SetUp() override {
        ::setenv("XDG_DATA_HOME", data.path().c_str(), 1);
        fs::copy(LECTERN_SAMPLE_CONTENT, bundle.path(), fs::copy_options::recursive);
        copy = sync::prepare_sample_copy(bundle.path());
    }

    content::Space load() const {
        Diagnostics problems;
        return content::Space::load(copy.content, problems);
    }

    RecordPlace place() const { return *record_place(copy.content); }

    // Signs `id` as the desktop does: the document as published, the passphrase typed now.
    void sign(const std::string& id) {
        const auto space = load();
        const auto repo = content::ContentRepository::open(copy.content);
        ASSERT_TRUE(repo);
        ledger::SigningRequest request;
        request.document = ledger::document_to_sign(space, *repo, place().space, id);
        request.key = key;
        request.ledger = place().ledger;
        ledger::SigningSession session(std::move(request));
        session.show_text();
        session.enter_passphrase(test::passphrase("correct horse battery"));
        ASSERT_TRUE(session.unlock_key());
        session.build_record();
        session.sign();
        session.append();
    }

    void append_to_bundle(const std::string& path, const std::string& text) {
        std::ofstream out(bundle.path() / path, std::ios::app);
        out << text;
    }
};

using Progress_Standing = ProgressTest;
using Progress_PathProgress = ProgressTest;
using Progress_SyncSummary = ProgressTest;

TEST_F(Progress_Standing, ASignedProcedureLosesItsUnsignedBadge) {
    const auto space = load();
    const auto* vpn = space.find_by_id("vpn-security");
    ASSERT_NE(vpn, nullptr);
    const Standing before = read_standing(space, place(), "maria");
    EXPECT_TRUE(badges_of(*vpn, before, "2026-11-23").unsigned_);
    EXPECT_FALSE(badges_of(*vpn, before, "2026-11-23").stale);

    sign("vpn-security");
    const Standing after = read_standing(space, place(), "maria");
    EXPECT_EQ(after.signoffs.at("vpn-security"), ledger::SignoffState::Signed);
    const Badges b = badges_of(*vpn, after, "2026-11-23");
    EXPECT_FALSE(b.unsigned_);
    EXPECT_FALSE(b.needs_resign);
    // Another agent on the same computer has signed nothing.
    EXPECT_TRUE(badges_of(*vpn, read_standing(space, place(), "jan"), "2026-11-23").unsigned_);
}

TEST_F(Progress_Standing, ANewVersionAsksForANewSignatureAndPastReviewIsStale) {
    sign("vpn-security");
    append_to_bundle("procedures/vpn-security.md", "\nNever share the VPN token.\n");
    copy = sync::prepare_sample_copy(bundle.path());
    const auto space = load();
    const Standing standing = read_standing(space, place(), "maria");
    EXPECT_EQ(standing.signoffs.at("vpn-security"), ledger::SignoffState::NeedsResign);
    const Badges b = badges_of(*space.find_by_id("vpn-security"), standing, "2027-05-01");
    EXPECT_TRUE(b.needs_resign);
    EXPECT_FALSE(b.unsigned_);
    EXPECT_TRUE(b.stale);  // review_by 2027-04-30
}

TEST_F(Progress_PathProgress, SigningMovesTheSectionAndWhatComesNext) {
    const auto space = load();
    ASSERT_FALSE(space.paths().empty());
    const auto& path = space.paths().front();
    const PathProgress before = path_progress(space, path, read_standing(space, place(), "maria"));
    ASSERT_FALSE(before.sections.empty());
    const SectionProgress& first = before.sections.front();
    EXPECT_EQ(first.done, 0u);
    EXPECT_GT(first.counted, 1u);
    ASSERT_TRUE(before.next);
    EXPECT_EQ(before.next->ref, "shift-start-checklist");
    // Scripts are read, not recorded: listed but not counted.
    std::size_t listed = 0;
    for (const auto& item : first.items) {
        ++listed;
        if (item.ref == "greeting-identification") {
            EXPECT_EQ(item.state, ItemState::NotRecorded);
        }
    }
    EXPECT_GT(listed, first.counted);

    sign("shift-start-checklist");
    sign("vpn-security");
    const PathProgress after = path_progress(space, path, read_standing(space, place(), "maria"));
    EXPECT_EQ(after.sections.front().done, 2u);
    EXPECT_EQ(after.done, 2u);
    EXPECT_EQ(after.counted, before.counted);
    ASSERT_TRUE(after.next);
    EXPECT_NE(after.next->ref, "vpn-security");
    EXPECT_NE(after.next->ref, "shift-start-checklist");
}

TEST_F(Progress_SyncSummary, CountsByKindAndWhatNeedsASignature) {
    sign("vpn-security");
    append_to_bundle("procedures/vpn-security.md", "\nNever share the VPN token.\n");
    copy = sync::prepare_sample_copy(bundle.path());
    const auto space = load();
    sync::ContentChanges changes;
    changes.changed.push_back({"vpn-security", "VPN", "procedure", "procedures/vpn-security.md"});
    changes.changed.push_back({"escalation", "Esc", "procedure", "procedures/escalation.md"});
    changes.added.push_back({"refund-request", "Refund", "script", "scripts/refund-request.md"});
    changes.removed.push_back({"old", "Old", "procedure", "procedures/old.md"});
    const SyncSummary summary = summarize(changes, space, read_standing(space, place(), "maria"));
    EXPECT_EQ(summary.procedures, 2u);
    EXPECT_EQ(summary.scripts, 1u);
    EXPECT_EQ(summary.removed, 1u);
    EXPECT_EQ(summary.updated(), 3u);
    // vpn-security needs a new signature; escalation was never signed (and asks for one).
    const auto* escalation = space.find_by_id("escalation");
    ASSERT_NE(escalation, nullptr);
    const std::size_t expected = escalation->signoff == content::SignoffRule::Required ? 2u : 1u;
    EXPECT_EQ(summary.need_signature, expected);
    EXPECT_TRUE(summarize({}, space, read_standing(space, place(), "maria")).empty());
}

}  // namespace
}  // namespace lectern::progress

namespace lectern::progress {
namespace {

TEST(Progress_ReadingCoverage, AShortPageCountsAtOnce) {
    ReadingCoverage page(300);
    page.saw(0, 500);
    EXPECT_TRUE(page.whole_seen());
}

TEST(Progress_ReadingCoverage, ScrollingThroughCountsButJumpingToTheEndDoesNot) {
    ReadingCoverage page(1000);
    page.saw(0, 400);
    EXPECT_FALSE(page.whole_seen());
    page.saw(600, 400);  // End: the middle was never on screen
    EXPECT_FALSE(page.whole_seen());
    EXPECT_EQ(page.seen_until(), 400);
    page.saw(350, 400);
    page.saw(700, 300);
    EXPECT_TRUE(page.whole_seen());
}

TEST(Progress_ReadingCoverage, LargerTextMakesALongerPageToRead) {
    ReadingCoverage page(500);
    page.saw(0, 400);
    page.resize(900);
    page.saw(300, 400);
    EXPECT_FALSE(page.whole_seen());
    page.saw(600, 400);
    EXPECT_TRUE(page.whole_seen());
}

}  // namespace
}  // namespace lectern::progress

namespace lectern::progress {
namespace {

struct SignProcedureTest : ProgressTest {
    std::filesystem::path key_file;
    void SetUp() override {
        ProgressTest::SetUp();
        key_file = ledger::key_file(ledger::keys_dir(), "maria", "laptop");
        ledger::save_key(key_file, key);
    }
    SignProcedure request(const content::Space& space, const std::string& id) const {
        return {&space, place(), id, "maria", key_file};
    }
};

using Progress_SignProcedure = SignProcedureTest;

TEST_F(Progress_SignProcedure, ARightPassphraseSignsAndTheRecordWaitsForTheServer) {
    const auto space = load();
    const SignResult result =
        sign_procedure(request(space, "vpn-security"), test::passphrase("correct horse battery"));
    EXPECT_EQ(result.outcome, SignOutcome::Signed);
    EXPECT_EQ(result.record_id.size(), 32u);
    const Standing standing = read_standing(space, place(), "maria");
    EXPECT_EQ(standing.signoffs.at("vpn-security"), ledger::SignoffState::Signed);
    EXPECT_EQ(standing.signoff_records.at("vpn-security"), result.record_id);
    EXPECT_TRUE(signoff_queued(standing, "vpn-security"));
}

TEST_F(Progress_SignProcedure, AWrongPassphraseStoresNothing) {
    const auto space = load();
    EXPECT_EQ(
        sign_procedure(request(space, "vpn-security"), test::passphrase("wrong horse")).outcome,
        SignOutcome::WrongPassphrase);
    const Standing standing = read_standing(space, place(), "maria");
    EXPECT_EQ(standing.signoffs.at("vpn-security"), ledger::SignoffState::Unsigned);
    EXPECT_TRUE(standing.waiting.empty());
}

TEST_F(Progress_SignProcedure, AVersionNewerThanTheOneShownIsNotSigned) {
    const auto shown = load();
    append_to_bundle("procedures/vpn-security.md", "\nNever share the VPN token.\n");
    copy = sync::prepare_sample_copy(bundle.path());
    try {
        sign_procedure(request(shown, "vpn-security"), test::passphrase("correct horse battery"));
        FAIL() << "signed a version that was not shown";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("read the new version"), std::string::npos)
            << e.what();
    }
    EXPECT_TRUE(read_standing(load(), place(), "maria").waiting.empty());
}

TEST_F(Progress_SignProcedure, AScriptOrAPlainFolderCannotBeSigned) {
    const auto space = load();
    EXPECT_THROW(
        sign_procedure(request(space, "refund-request"), test::passphrase("correct horse battery")),
        Error);
    Diagnostics problems;
    const auto plain = content::Space::load(bundle.path(), problems);
    EXPECT_THROW(
        sign_procedure(request(plain, "vpn-security"), test::passphrase("correct horse battery")),
        Error);
}

TEST_F(Progress_SignProcedure, WithoutAKeyItSaysToMakeOne) {
    std::filesystem::remove(key_file);
    const auto space = load();
    try {
        sign_procedure(request(space, "vpn-security"), test::passphrase("correct horse battery"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::NotFound);
        EXPECT_NE(std::string(e.what()).find("Signing key"), std::string::npos);
    }
}

}  // namespace
}  // namespace lectern::progress

namespace lectern::progress {
namespace {

TEST(Progress_ReadingCoverage, APageNotLaidOutYetIsNotRead) {
    ReadingCoverage page;
    EXPECT_FALSE(page.whole_seen());
    page.saw(0, 400);
    EXPECT_FALSE(page.whole_seen());
    page.resize(300);
    EXPECT_TRUE(page.whole_seen());
}

}  // namespace
}  // namespace lectern::progress
