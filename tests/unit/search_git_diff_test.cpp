// The tree diff behind incremental indexing (search/incremental/git_space): what it reports
// for edits, exact renames, folders added and removed, and a file that became a folder.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "search/incremental/git_space.hpp"
#include "support/temp_space.hpp"
#include "unit/search_test_support.hpp"

using namespace lectern;
using lectern::search::incremental::GitSpace;
using lectern::test::git;

namespace {

// Commits every change in the space's folder; the first call makes the repository.
void commit_all(test::TempSpace& s, const std::string& message) {
    if (!std::filesystem::exists(s.root() / ".git")) git(s.root(), "init -q");
    git(s.root(), "add -A");
    git(s.root(), "commit -q -m " + message);
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace

TEST(SearchGitDiff, ReportsEditsRenamesAndWholeFolders) {
    test::TempSpace s;
    s.write("procedures/a.md", "first a\n");
    s.write("procedures/b.md", "only b\n");
    s.write("procedures/same.md", "never changes\n");
    s.write("lessons/x/lesson.md", "lesson x\n");
    s.write("lessons/x/video.mp4", "not really a video\n");
    s.write("notes", "a file for now\n");
    commit_all(s, "first");
    auto space = GitSpace::open(s.root());
    ASSERT_TRUE(space);
    const std::string first = space->head_commit();

    s.write("procedures/a.md", "second a\n");
    git(s.root(), "mv procedures/b.md procedures/c.md");
    git(s.root(), "rm -q -r lessons/x notes");
    s.write("lessons/y/lesson.md", "lesson y\n");
    s.write("notes/n.md", "a folder now\n");
    commit_all(s, "second");
    const std::string second = space->head_commit();

    const auto changes = space->diff(first, second);
    ASSERT_TRUE(changes);
    EXPECT_EQ(changes->modified, std::vector<std::string>{"procedures/a.md"});
    ASSERT_EQ(changes->renamed.size(), 1u);
    EXPECT_EQ(changes->renamed[0].first, "procedures/b.md");
    EXPECT_EQ(changes->renamed[0].second, "procedures/c.md");
    EXPECT_EQ(sorted(changes->added),
              (std::vector<std::string>{"lessons/y/lesson.md", "notes/n.md"}));
    EXPECT_EQ(sorted(changes->deleted),
              (std::vector<std::string>{"lessons/x/lesson.md", "lessons/x/video.mp4", "notes"}));

    // Backwards, everything is undone; and a commit against itself differs in nothing.
    const auto back = space->diff(second, first);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->modified, std::vector<std::string>{"procedures/a.md"});
    EXPECT_EQ(sorted(back->added),
              (std::vector<std::string>{"lessons/x/lesson.md", "lessons/x/video.mp4", "notes"}));
    const auto none = space->diff(second, second);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->all_paths().empty());

    EXPECT_FALSE(space->diff(std::string(40, '1'), second));  // not in the repository
}

// Changes three and four folders deep, next to files and folders that stay as they were: the
// walk descends only into folders that changed and reports each kind of change by full path.
TEST(SearchGitDiff, FindsChangesInNestedFolders) {
    test::TempSpace s;
    s.write("lessons/onboarding/week-1/day-1/lesson.md", "day one\n");
    s.write("lessons/onboarding/week-1/day-2/lesson.md", "day two\n");
    s.write("lessons/onboarding/week-1/day-3/lesson.md", "day three\n");
    s.write("lessons/onboarding/week-2/day-1/lesson.md", "week two\n");
    s.write("scripts/billing/refunds/partial.md", "a partial refund\n");
    s.write("scripts/billing/refunds/full.md", "a full refund\n");
    s.write("scripts/billing/refunds/keep.md", "stays put\n");
    s.write("scripts/billing/chargebacks/dispute.md", "a dispute\n");
    commit_all(s, "first");
    auto space = GitSpace::open(s.root());
    ASSERT_TRUE(space);
    const std::string first = space->head_commit();

    s.write("lessons/onboarding/week-1/day-1/lesson.md", "day one, edited\n");
    git(s.root(), "rm -q lessons/onboarding/week-1/day-2/lesson.md");
    s.write("lessons/onboarding/week-1/day-4/lesson.md", "day four\n");
    git(s.root(), "mv scripts/billing/refunds/partial.md scripts/billing/chargebacks/partial.md");
    s.write("scripts/billing/refunds/store-credit.md", "store credit instead\n");
    commit_all(s, "second");

    const auto changes = space->diff(first, space->head_commit());
    ASSERT_TRUE(changes);
    EXPECT_EQ(changes->modified,
              std::vector<std::string>{"lessons/onboarding/week-1/day-1/lesson.md"});
    EXPECT_EQ(changes->deleted,
              std::vector<std::string>{"lessons/onboarding/week-1/day-2/lesson.md"});
    EXPECT_EQ(sorted(changes->added),
              (std::vector<std::string>{"lessons/onboarding/week-1/day-4/lesson.md",
                                        "scripts/billing/refunds/store-credit.md"}));
    ASSERT_EQ(changes->renamed.size(), 1u);
    EXPECT_EQ(changes->renamed[0].first, "scripts/billing/refunds/partial.md");
    EXPECT_EQ(changes->renamed[0].second, "scripts/billing/chargebacks/partial.md");
}
