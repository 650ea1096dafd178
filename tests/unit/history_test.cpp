// Versions of a document in a real git repository made by the test with the git client.

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "common/error.hpp"
#include "content/history.hpp"
#include "content/version.hpp"
#include "support/temp_space.hpp"

using lectern::content::ContentRepository;
using lectern::content::HistoryOptions;
using lectern::test::TempSpace;

namespace {

// Runs git in `dir` as a trainer would, with a fixed identity and commit date.
void git(const TempSpace& s, const std::string& args,
         const std::string& date = "2026-10-01T09:00:00+02:00") {
    const std::string cmd = "GIT_AUTHOR_DATE='" + date + "' GIT_COMMITTER_DATE='" + date +
                            "' git -C '" + s.root().string() +
                            "' -c user.name='Anna Trainer' -c user.email=anna@example.org "
                            "-c init.defaultBranch=main -c commit.gpgsign=false " +
                            args + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

void commit_file(const TempSpace& s, const std::string& path, const std::string& body,
                 const std::string& message, const std::string& date) {
    s.write(path, lectern::test::procedure("vpn", body));
    git(s, "add -A");
    git(s, "commit -q -m '" + message + "'", date);
}

}  // namespace

TEST(History, Versions_NewestFirstWithDateAuthorAndMessage) {
    TempSpace s;
    git(s, "init -q");
    commit_file(s, "procedures/vpn.md", "Use the VPN.\n", "First version",
                "2026-09-01T08:00:00+02:00");
    commit_file(s, "procedures/vpn.md", "Always use the VPN.\n", "Say always\n\nAuditors asked.",
                "2026-10-02T10:30:00+02:00");
    auto repo = ContentRepository::open(s.root());
    ASSERT_TRUE(repo);
    const auto versions = repo->history("procedures/vpn.md");
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_EQ(versions[0].summary, "Say always");
    EXPECT_EQ(versions[0].message, "Say always\n\nAuditors asked.\n");
    EXPECT_EQ(versions[0].author, "Anna Trainer");
    EXPECT_EQ(versions[0].author_email, "anna@example.org");
    EXPECT_EQ(lectern::content::rfc3339(versions[0].time, versions[0].utc_offset_minutes),
              "2026-10-02T10:30:00+02:00");
    EXPECT_EQ(versions[1].summary, "First version");
    EXPECT_EQ(versions[0].commit, repo->head_commit());
    EXPECT_EQ(versions[0].commit.size(), 40u);
    EXPECT_EQ(versions[0].path, "procedures/vpn.md");
    // The version is the blob id of the bytes, the same as for a plain folder.
    EXPECT_EQ(versions[0].blob_id, lectern::content::git_blob_id(
                                       lectern::test::procedure("vpn", "Always use the VPN.\n")));
    EXPECT_EQ(*repo->read_blob(versions[1].blob_id),
              lectern::test::procedure("vpn", "Use the VPN.\n"));
}

TEST(History, Versions_CommitsThatDoNotTouchTheFileAreLeftOut) {
    TempSpace s;
    git(s, "init -q");
    commit_file(s, "procedures/vpn.md", "Use the VPN.\n", "vpn", "2026-09-01T08:00:00Z");
    s.write("procedures/other.md", lectern::test::procedure("other"));
    git(s, "add -A");
    git(s, "commit -q -m other");
    const auto versions = ContentRepository::open(s.root())->history("procedures/vpn.md");
    ASSERT_EQ(versions.size(), 1u);
    EXPECT_EQ(versions[0].summary, "vpn");
}

TEST(History, Versions_FollowTheDocumentAcrossARename) {
    TempSpace s;
    git(s, "init -q");
    commit_file(s, "procedures/vpn.md", "Use the VPN at home and at the office.\n", "first",
                "2026-09-01T08:00:00Z");
    git(s, "mv procedures/vpn.md procedures/vpn-security.md");
    git(s, "commit -q -m rename");
    commit_file(s, "procedures/vpn-security.md", "Use the VPN at home and at the office, always.\n",
                "edit", "2026-09-03T08:00:00Z");
    auto repo = ContentRepository::open(s.root());
    const auto versions = repo->history("procedures/vpn-security.md");
    ASSERT_EQ(versions.size(), 2u);  // the pure rename kept the bytes: no new version
    EXPECT_EQ(versions[0].summary, "edit");
    EXPECT_EQ(versions[1].summary, "first");
    EXPECT_EQ(versions[1].path, "procedures/vpn.md");
    HistoryOptions no_follow;
    no_follow.follow_renames = false;
    EXPECT_EQ(repo->history("procedures/vpn-security.md", no_follow).size(), 2u);
    EXPECT_EQ(repo->history("procedures/vpn-security.md", no_follow)[1].summary, "rename");
}

TEST(History, Versions_MinorTrailerIsRecognised) {
    TempSpace s;
    git(s, "init -q");
    commit_file(s, "procedures/vpn.md", "Use the VPN.\n", "first", "2026-09-01T08:00:00Z");
    commit_file(s, "procedures/vpn.md", "Use the VPN!\n", "Fix a typo\n\nLectern-Change: minor",
                "2026-09-02T08:00:00Z");
    const auto versions = ContentRepository::open(s.root())->history("procedures/vpn.md");
    ASSERT_EQ(versions.size(), 2u);
    EXPECT_TRUE(versions[0].minor);
    EXPECT_FALSE(versions[1].minor);
    EXPECT_TRUE(lectern::content::is_minor_change("Typo\n\nlectern-change: Minor\n"));
    EXPECT_FALSE(
        lectern::content::is_minor_change("Lectern-Change: minor"));  // a subject, not a trailer
    EXPECT_FALSE(lectern::content::is_minor_change("Rewrite\n\nLectern-Change: major\n"));
}

TEST(History, Versions_LimitAndStartCommit) {
    TempSpace s;
    git(s, "init -q");
    for (int i = 0; i < 4; ++i)
        commit_file(s, "procedures/vpn.md", "Version " + std::to_string(i) + ".\n",
                    "v" + std::to_string(i), "2026-09-0" + std::to_string(i + 1) + "T08:00:00Z");
    auto repo = ContentRepository::open(s.root());
    const auto all = repo->history("procedures/vpn.md");
    ASSERT_EQ(all.size(), 4u);
    HistoryOptions options;
    options.limit = 2;
    EXPECT_EQ(repo->history("procedures/vpn.md", options).size(), 2u);
    options.limit = 0;
    options.start = all[2].commit;
    const auto older = repo->history("procedures/vpn.md", options);
    ASSERT_EQ(older.size(), 2u);
    EXPECT_EQ(older[0].summary, "v1");
    options.start = "0123456789012345678901234567890123456789";
    EXPECT_THROW(repo->history("procedures/vpn.md", options), lectern::Error);
}

TEST(History, ReadFileAt_OldTextOfAPathAndMissingFiles) {
    TempSpace s;
    git(s, "init -q");
    commit_file(s, "procedures/vpn.md", "Old.\n", "first", "2026-09-01T08:00:00Z");
    auto repo = ContentRepository::open(s.root());
    const std::string first = repo->head_commit();
    commit_file(s, "procedures/vpn.md", "New.\n", "second", "2026-09-02T08:00:00Z");
    EXPECT_EQ(*repo->read_file_at(first, "procedures/vpn.md"),
              lectern::test::procedure("vpn", "Old.\n"));
    EXPECT_FALSE(repo->read_file_at(first, "procedures/none.md"));
    EXPECT_FALSE(repo->read_blob("0123456789012345678901234567890123456789"));
    EXPECT_FALSE(repo->read_blob("not an id"));
    EXPECT_THROW(repo->read_file_at("0123456789012345678901234567890123456789", "x.md"),
                 lectern::Error);
}

TEST(History, Open_PlainFolderAndEmptyRepository) {
    TempSpace plain;
    EXPECT_FALSE(ContentRepository::open(plain.root()));
    TempSpace empty;
    git(empty, "init -q");
    auto repo = ContentRepository::open(empty.root());
    ASSERT_TRUE(repo);
    EXPECT_TRUE(repo->history("procedures/vpn.md").empty());
    EXPECT_EQ(repo->head_commit(), "");
}

TEST(History, Rfc3339_ZonesEastWestAndUtc) {
    EXPECT_EQ(lectern::content::rfc3339(0, 0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(lectern::content::rfc3339(0, -330), "1969-12-31T18:30:00-05:30");
    EXPECT_EQ(lectern::content::rfc3339(1790000000, 60), "2026-09-21T15:13:20+01:00");
}
