// The sample content used offline as a git working tree of its own, updated with the bundle.

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "common/diagnostic.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "ledger/ledger_fixture.hpp"
#include "progress/record_place.hpp"
#include "sync/sample_copy.hpp"

namespace lectern::sync {
namespace {

namespace fs = std::filesystem;

struct SampleCopyTest : ::testing::Test {
    test::TempDir data{"sample-data"};
    test::TempDir bundle{"sample-bundle"};
    void SetUp() override {
        ::setenv("XDG_DATA_HOME", data.path().c_str(), 1);
        fs::copy(LECTERN_SAMPLE_CONTENT, bundle.path(), fs::copy_options::recursive);
    }
};

using Sync_SampleCopy = SampleCopyTest;

TEST_F(Sync_SampleCopy, FirstUseCommitsTheBundleAndAnUnchangedBundleMakesNoCommit) {
    const SampleCopy first = prepare_sample_copy(bundle.path());
    EXPECT_TRUE(first.updated);
    EXPECT_EQ(first.content, data.path() / "lectern" / "sample" / "content");
    Diagnostics problems;
    const auto space = content::Space::load(first.content, problems);
    EXPECT_FALSE(problems.has_errors());
    const auto* vpn = space.find_by_id("vpn-security");
    ASSERT_NE(vpn, nullptr);
    const auto repo = content::ContentRepository::open(first.content);
    ASSERT_TRUE(repo);
    EXPECT_EQ(repo->head_commit(), first.commit);
    // The committed bytes are the file's: the version a sign-off would point at.
    ASSERT_EQ(repo->history(vpn->path).size(), 1u);
    EXPECT_EQ(repo->history(vpn->path)[0].blob_id, vpn->blob_id);

    const SampleCopy again = prepare_sample_copy(bundle.path());
    EXPECT_FALSE(again.updated);
    EXPECT_EQ(again.commit, first.commit);
}

TEST_F(Sync_SampleCopy, ANewerBundleIsANewVersionAndRemovedFilesGo) {
    const SampleCopy first = prepare_sample_copy(bundle.path());
    {
        std::ofstream out(bundle.path() / "procedures" / "vpn-security.md", std::ios::app);
        out << "\nA sentence the newer bundle adds.\n";
    }
    fs::remove(bundle.path() / "procedures" / "power-cut.nb.md");
    // An edit in the copy itself is put back as the bundle has it.
    {
        std::ofstream out(first.content / "procedures" / "escalation.md", std::ios::app);
        out << "local edit\n";
    }
    const SampleCopy second = prepare_sample_copy(bundle.path());
    EXPECT_TRUE(second.updated);
    EXPECT_NE(second.commit, first.commit);
    EXPECT_FALSE(fs::exists(second.content / "procedures" / "power-cut.nb.md"));
    const auto repo = content::ContentRepository::open(second.content);
    ASSERT_TRUE(repo);
    EXPECT_EQ(repo->history("procedures/vpn-security.md").size(), 2u);
    EXPECT_EQ(repo->history("procedures/escalation.md").size(), 1u);
}

TEST_F(Sync_SampleCopy, ABundleWithoutManifestIsRefusedAndTheCopyKept) {
    const SampleCopy first = prepare_sample_copy(bundle.path());
    fs::remove(bundle.path() / "lectern.yaml");
    EXPECT_THROW(prepare_sample_copy(bundle.path()), Error);
    EXPECT_TRUE(fs::exists(first.content / "lectern.yaml"));
}

TEST_F(Sync_SampleCopy, RecordsOfTheSampleStayInItsOwnLedger) {
    const SampleCopy copy = prepare_sample_copy(bundle.path());
    const auto place = progress::record_place(copy.content);
    ASSERT_TRUE(place);
    EXPECT_TRUE(place->sample);
    EXPECT_EQ(place->space, "sample");
    EXPECT_EQ(place->ledger, copy.ledger);
    // The bundle itself (a plain folder) has no versions: nothing can be signed there.
    EXPECT_FALSE(progress::record_place(bundle.path()));
}

}  // namespace
}  // namespace lectern::sync
