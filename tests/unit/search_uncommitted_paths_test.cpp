// What the work tree adds to an incremental index (GitSpace::uncommitted_paths, with the scan
// of search/incremental/work_tree_scan): in every case the same paths as
// `git status --untracked-files=all`, which the tests run next to it, and the paths expected.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "search/incremental/git_space.hpp"
#include "search/incremental/index_file.hpp"
#include "support/temp_space.hpp"
#include "unit/search_test_support.hpp"

using namespace lectern;
using lectern::search::incremental::GitSpace;
using lectern::test::git;

namespace fs = std::filesystem;

namespace {

using Paths = std::set<std::string>;

// What `git ARGS` prints in `root`, or nullopt when it fails.
std::optional<std::string> git_output(const fs::path& root, const std::string& args) {
    const std::string cmd = "git -C '" + root.string() + "' " + args;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    if (::pclose(pipe) != 0) return std::nullopt;
    return out;
}

// What `git status` reports, every path of every entry (both sides of a rename). It runs
// without optional locks, so it does not refresh the index the scan reads.
Paths git_status(const fs::path& root) {
    const auto run =
        git_output(root, "--no-optional-locks status --porcelain=v1 -z --untracked-files=all");
    if (!run) return {"<git status failed>"};
    const std::string& out = *run;
    Paths paths;
    std::size_t pos = 0;
    while (pos < out.size()) {
        const auto end = out.find('\0', pos);
        const std::string field = out.substr(pos, end - pos);
        pos = end + 1;
        if (field.size() < 4) return {"<git status said: " + field + ">"};
        paths.insert(field.substr(3));
        if (field[0] == 'R' || field[0] == 'C') {  // the path it came from follows
            const auto from_end = out.find('\0', pos);
            paths.insert(out.substr(pos, from_end - pos));
            pos = from_end + 1;
        }
    }
    return paths;
}

Paths uncommitted(const fs::path& root) {
    auto space = GitSpace::open(root);
    if (!space) return {"<not a git space>"};
    const auto paths = space->uncommitted_paths();
    return {paths.begin(), paths.end()};
}

void set_mtime(const fs::path& file, std::int64_t seconds, long nanoseconds = 0) {
    const timespec times[2] = {{static_cast<time_t>(seconds), nanoseconds},
                               {static_cast<time_t>(seconds), nanoseconds}};
    ASSERT_EQ(::utimensat(AT_FDCWD, file.c_str(), times, AT_SYMLINK_NOFOLLOW), 0) << file;
}

std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Every file (not .git) written long before the commit that follows, so that no entry of
// the index counts as racily clean unless a test makes it so.
void age_files(const fs::path& root) {
    const auto past = now_seconds() - 1000;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
         ++it) {
        if (it->path().filename() == ".git") {
            it.disable_recursion_pending();
            continue;
        }
        set_mtime(it->path(), past);
    }
}

void commit_all(const test::TempSpace& s) {
    age_files(s.root());
    git(s.root(), "add -A");
    git(s.root(), "commit -q -m state");
}

class SearchUncommittedPaths : public ::testing::Test {
  protected:
    void SetUp() override {
        s.write(".gitignore", "*.log\nbuild/\n");
        for (const char* name : {"a", "b", "c", "d"})
            s.write(std::string("procedures/") + name + ".md",
                    std::string("Procedure ") + name + ".\n");
        s.write("procedures/with space.md", "Spaces in the name.\n");
        s.write("procedures/zażółć gęślą jaźń.md", "Polski.\n");
        s.write("scripts/приветствие.md", "Русский.\n");
        s.write("notes", "A file for now.\n");
        s.write("tools/run.sh", "#!/bin/sh\n");
        s.write("lessons/onboarding/week-1/lesson.md", "Week one.\n");
        s.write("lessons/onboarding/week-2/lesson.md", "Week two.\n");
        git(s.root(), "init -q");
        commit_all(s);
    }

    // The paths, checked against git status and against what the test expects.
    void expect_paths(const Paths& expected) {
        const Paths found = uncommitted(s.root());
        EXPECT_EQ(found, git_status(s.root())) << "differs from git status";
        EXPECT_EQ(found, expected);
    }

    fs::path at(const std::string& rel) const { return s.root() / rel; }

    test::TempSpace s;
};

}  // namespace

TEST_F(SearchUncommittedPaths, CleanWorkTreeHasNone) {
    expect_paths({});
}

TEST_F(SearchUncommittedPaths, EditedDeletedAndStagedFiles) {
    s.write("procedures/a.md", "Procedure a, edited.\n");
    fs::remove(at("procedures/b.md"));
    git(s.root(), "rm -q procedures/c.md");
    s.write("procedures/new.md", "Added and staged.\n");
    git(s.root(), "add procedures/new.md");
    expect_paths({"procedures/a.md", "procedures/b.md", "procedures/c.md", "procedures/new.md"});
}

// Content equal to the index's, stat data not: the content decides.
TEST_F(SearchUncommittedPaths, EditedBackOrTouchedFilesAreNotReported) {
    s.write("procedures/a.md", "Procedure X.\n");
    s.write("procedures/a.md", "Procedure a.\n");
    set_mtime(at("procedures/b.md"), now_seconds() - 10, 123);
    expect_paths({});
}

// The index differs from HEAD while the file is HEAD's again: still not committed.
TEST_F(SearchUncommittedPaths, StagedThenEditedBack) {
    s.write("procedures/a.md", "Procedure a, staged.\n");
    git(s.root(), "add procedures/a.md");
    s.write("procedures/a.md", "Procedure a.\n");
    expect_paths({"procedures/a.md"});
}

TEST_F(SearchUncommittedPaths, UntrackedFilesAndFoldersButNotIgnoredOnes) {
    s.write("drafts/idea.md", "An idea.\n");
    s.write("drafts/more/deeper/plan.md", "A plan.\n");
    fs::create_directories(at("drafts/empty"));
    fs::create_directories(at("empty-too"));
    s.write("procedures/draft.md", "Untracked next to tracked ones.\n");
    s.write("debug.log", "ignored\n");
    s.write("procedures/trace.log", "ignored\n");
    s.write("build/out.o", "ignored\n");
    s.write("build/sub/more.o", "ignored\n");
    s.write("drafts/run.log", "ignored\n");
    expect_paths({"drafts/idea.md", "drafts/more/deeper/plan.md", "procedures/draft.md"});
}

TEST_F(SearchUncommittedPaths, FileReplacedByFolderAndFolderByFile) {
    fs::remove(at("notes"));
    s.write("notes/first.md", "A folder now.\n");
    fs::remove_all(at("tools"));
    s.write("tools", "A file now.\n");
    expect_paths({"notes", "notes/first.md", "tools", "tools/run.sh"});
}

TEST_F(SearchUncommittedPaths, ExecutableBitCountsUnlessFileModeIsOff) {
    fs::permissions(at("tools/run.sh"), fs::perms::owner_exec, fs::perm_options::add);
    expect_paths({"tools/run.sh"});
    git(s.root(), "config core.filemode false");
    expect_paths({});
}

TEST_F(SearchUncommittedPaths, SymbolicLinks) {
    fs::create_symlink("a.md", at("procedures/link.md"));
    fs::create_symlink("notes", at("notes-link"));
    commit_all(s);
    expect_paths({});

    fs::remove(at("procedures/link.md"));
    fs::create_symlink("b.md", at("procedures/link.md"));  // same length, other target
    fs::remove(at("procedures/d.md"));
    fs::create_symlink("a.md", at("procedures/d.md"));  // a file became a link
    fs::create_symlink("../notes", at("scripts/untracked-link"));
    expect_paths({"procedures/link.md", "procedures/d.md", "scripts/untracked-link"});
}

// Tracked files behind a link to a folder are not in the work tree: git lists them as deleted.
TEST_F(SearchUncommittedPaths, FolderReplacedByLink) {
    fs::rename(at("lessons"), at("lessons-moved"));
    fs::create_symlink("lessons-moved", at("lessons"));
    expect_paths({"lessons", "lessons-moved/onboarding/week-1/lesson.md",
                  "lessons-moved/onboarding/week-2/lesson.md",
                  "lessons/onboarding/week-1/lesson.md", "lessons/onboarding/week-2/lesson.md"});
}

// Edited right after the commit, within the same second, with the same size: the stat data
// may differ only in nanoseconds.
TEST_F(SearchUncommittedPaths, EditedWithinTheSecondOfTheCommit) {
    s.write("procedures/e.md", "Version 1\n");
    git(s.root(), "add -A");
    git(s.root(), "commit -q -m e");
    s.write("procedures/e.md", "Version 2\n");
    expect_paths({"procedures/e.md"});
}

// An entry whose file was written no earlier than the index may have changed unseen: with
// every stat field equal (ctime not trusted, mtime put back), only the content tells.
TEST_F(SearchUncommittedPaths, RacilyCleanEntryIsReadAgain) {
    git(s.root(), "config core.trustctime false");
    const auto later = now_seconds() + 100;
    s.write("procedures/racy.md", "Version 1\n");
    s.write("procedures/racy-same.md", "Stays\n");
    set_mtime(at("procedures/racy.md"), later, 5000);
    set_mtime(at("procedures/racy-same.md"), later, 5000);
    git(s.root(), "add -A");
    git(s.root(), "commit -q -m racy");
    struct stat before {};
    ASSERT_EQ(::stat(at("procedures/racy.md").c_str(), &before), 0);
    s.write("procedures/racy.md", "Version 2\n");  // in place: same inode, same size
    set_mtime(at("procedures/racy.md"), later, 5000);
    struct stat after {};
    ASSERT_EQ(::stat(at("procedures/racy.md").c_str(), &after), 0);
    ASSERT_EQ(before.st_ino, after.st_ino);
    expect_paths({"procedures/racy.md"});
}

TEST_F(SearchUncommittedPaths, NamesWithSpacesPolishAndRussian) {
    s.write("procedures/zażółć gęślą jaźń.md", "Polski, zmieniony.\n");
    fs::remove(at("procedures/with space.md"));
    s.write("scripts/новый скрипт.md", "Новый.\n");
    s.write("scripts/приветствие.md", "Русский, изменённый.\n");
    expect_paths({"procedures/zażółć gęślą jaźń.md", "procedures/with space.md",
                  "scripts/новый скрипт.md", "scripts/приветствие.md"});
}

TEST_F(SearchUncommittedPaths, ChangesThreeFoldersDeep) {
    s.write("lessons/onboarding/week-1/lesson.md", "Week one, edited.\n");
    s.write("lessons/onboarding/week-1/notes.md", "New.\n");
    fs::remove(at("lessons/onboarding/week-2/lesson.md"));
    s.write("lessons/onboarding/week-3/lesson.md", "Week three.\n");
    expect_paths({"lessons/onboarding/week-1/lesson.md", "lessons/onboarding/week-1/notes.md",
                  "lessons/onboarding/week-2/lesson.md", "lessons/onboarding/week-3/lesson.md"});
}

// Another repository inside the work tree is one entry, as git lists it.
TEST_F(SearchUncommittedPaths, NestedRepositoryIsOneEntry) {
    s.write("vendor/lib/readme.md", "Someone else's.\n");
    git(at("vendor/lib"), "init -q");
    expect_paths({"vendor/lib/"});
}

// Enough files for the entries to be compared on two threads.
TEST_F(SearchUncommittedPaths, ManyFilesInOneFolder) {
    for (int i = 0; i < 3000; ++i)
        s.write("procedures/many-" + std::to_string(i) + ".md", "Text " + std::to_string(i) + "\n");
    commit_all(s);
    expect_paths({});
    Paths expected;
    for (int i = 7; i < 3000; i += 701) {
        s.write("procedures/many-" + std::to_string(i) + ".md", "Edited\n");
        expected.insert("procedures/many-" + std::to_string(i) + ".md");
        fs::remove(at("procedures/many-" + std::to_string(i + 1) + ".md"));
        expected.insert("procedures/many-" + std::to_string(i + 1) + ".md");
    }
    s.write("procedures/many-new.md", "New\n");
    expected.insert("procedures/many-new.md");
    expect_paths(expected);
}

TEST(SearchUncommittedPathsEmptyRepository, EverythingIsUncommitted) {
    test::TempSpace s;
    s.write("procedures/a.md", "Staged.\n");
    s.write("procedures/b.md", "Not staged.\n");
    s.write("ignored.log", "ignored\n");
    s.write(".gitignore", "*.log\n");
    git(s.root(), "init -q");
    git(s.root(), "add procedures/a.md");
    const Paths found = uncommitted(s.root());
    EXPECT_EQ(found, git_status(s.root()));
    EXPECT_EQ(found, (Paths{".gitignore", "lectern.yaml", "procedures/a.md", "procedures/b.md"}));
}

// Version 4 shortens each path against the one before; version 3 adds flags of its own.
TEST_F(SearchUncommittedPaths, IndexVersionFour) {
    git(s.root(), "update-index --index-version 4");
    s.write("procedures/zażółć gęślą jaźń.md", "Polski, zmieniony.\n");
    fs::remove(at("lessons/onboarding/week-2/lesson.md"));
    s.write("procedures/new.md", "New.\n");
    expect_paths({"procedures/zażółć gęślą jaźń.md", "lessons/onboarding/week-2/lesson.md",
                  "procedures/new.md"});
}

TEST_F(SearchUncommittedPaths, IntentToAddIsReported) {
    s.write("procedures/later.md", "To be added.\n");
    git(s.root(), "add -N procedures/later.md");
    expect_paths({"procedures/later.md"});
}

// Entries git is told not to look at: their edits are not reported, as git reports none.
TEST_F(SearchUncommittedPaths, SkipWorktreeAndAssumeUnchangedAreLeftAlone) {
    git(s.root(), "update-index --skip-worktree procedures/a.md");
    git(s.root(), "update-index --assume-unchanged procedures/b.md");
    s.write("procedures/a.md", "Edited behind git's back.\n");
    s.write("procedures/b.md", "Edited behind git's back.\n");
    s.write("procedures/c.md", "Edited.\n");
    expect_paths({"procedures/c.md"});
}

TEST_F(SearchUncommittedPaths, MergeConflictIsReported) {
    git(s.root(), "checkout -q -b other");
    s.write("procedures/a.md", "Their version.\n");
    git(s.root(), "commit -q -a -m theirs");
    git(s.root(), "checkout -q -");
    s.write("procedures/a.md", "Our version.\n");
    git(s.root(), "commit -q -a -m ours");
    const std::string merge = "git -C '" + s.root().string() +
                              "' -c user.name=Test -c user.email=test@example.org merge -q other "
                              ">/dev/null 2>&1";
    ASSERT_NE(std::system(merge.c_str()), 0) << "the merge should stop on the conflict";
    expect_paths({"procedures/a.md"});
}

// A split index keeps most entries in a shared file next to it, which libgit2 does not read:
// an error that says so, never a list without those entries.
TEST_F(SearchUncommittedPaths, SplitIndexIsAnErrorThatSaysWhy) {
    git(s.root(), "update-index --split-index");
    s.write("procedures/a.md", "Edited.\n");
    git(s.root(), "add procedures/a.md");
    auto space = GitSpace::open(s.root());
    ASSERT_TRUE(space);
    try {
        (void)space->uncommitted_paths();
        ADD_FAILURE() << "a split index was read as if it were whole";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'link'"), std::string::npos) << e.what();
    }
}

// A damaged index is an error that names it, never a short list of entries.
TEST(SearchIndexFile, CutShortIndexIsAnErrorNamingTheFile) {
    test::TempSpace s;
    git(s.root(), "init -q");
    git(s.root(), "add -A");
    const fs::path index = s.root() / ".git" / "index";
    auto whole = lectern::search::incremental::IndexFile::read(index);
    ASSERT_TRUE(whole);
    ASSERT_EQ(whole->entries.size(), 1u);
    EXPECT_EQ(whole->entries[0].path, "lectern.yaml");

    fs::resize_file(index, 12 + 62 + 20);  // the header, part of the entry, a checksum's room
    try {
        (void)lectern::search::incremental::IndexFile::read(index);
        ADD_FAILURE() << "a cut index was read";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidContent);
        EXPECT_NE(std::string(e.what()).find(index.string()), std::string::npos) << e.what();
    }
}

// Files are compared as git would store them: CRLF line endings that the `text` attribute
// (from a committed .gitattributes, at the top or in the file's folder) turns into the
// committed LF are no change once the file is written again. A file whose size changed is,
// as git reports it without reading it.
TEST_F(SearchUncommittedPaths, ContentIsComparedThroughTheRepositoryFilters) {
    s.write(".gitattributes", "*.md text\n");
    s.write("scripts/.gitattributes", "*.txt text\n");
    s.write("procedures/crlf.md", "Line one.\r\nLine two.\r\n");
    s.write("scripts/words.txt", "one\r\ntwo\r\n");
    commit_all(s);
    expect_paths({});
    s.write("procedures/crlf.md", "Line one.\r\nLine two.\r\n");
    s.write("scripts/words.txt", "one\r\ntwo\r\n");
    s.write("procedures/a.md", "Procedure a.\r\n");  // one byte more, the same blob
    s.write("lessons/onboarding/.gitattributes", "*.md -text\n");
    expect_paths({"procedures/a.md", "lessons/onboarding/.gitattributes"});
}

// The index's own id for the whole tree (git's cache-tree) is the committed tree after a
// commit, says nothing once a file is staged, and is the new tree after the next commit.
TEST_F(SearchUncommittedPaths, IndexTreeIsTheCommittedTreeUntilSomethingIsStaged) {
    using lectern::search::incremental::IndexFile;
    const fs::path index = at(".git/index");
    const auto tree_of_head = [&] {
        auto out = git_output(s.root(), "rev-parse HEAD^{tree}").value_or("");
        return out.substr(0, out.find('\n'));
    };
    const auto hex = [](const lectern::search::incremental::ObjectId& id) {
        std::string out;
        for (unsigned char c : id) {
            const char* digits = "0123456789abcdef";
            out += digits[c >> 4];
            out += digits[c & 15];
        }
        return out;
    };
    auto read = IndexFile::read(index);
    ASSERT_TRUE(read && read->tree);
    EXPECT_EQ(hex(*read->tree), tree_of_head());

    s.write("procedures/a.md", "Procedure a, staged.\n");
    git(s.root(), "add procedures/a.md");
    read = IndexFile::read(index);
    ASSERT_TRUE(read);
    EXPECT_FALSE(read->tree);

    git(s.root(), "commit -q -m second");
    read = IndexFile::read(index);
    ASSERT_TRUE(read && read->tree);
    EXPECT_EQ(hex(*read->tree), tree_of_head());
}

// After `git reset --soft` the index is still whole and names its tree, which is not HEAD's:
// what it stages is compared with HEAD and reported.
TEST_F(SearchUncommittedPaths, StagedByASoftResetIsReported) {
    s.write("procedures/a.md", "Procedure a, second version.\n");
    s.write("procedures/e.md", "Procedure e.\n");
    commit_all(s);
    git(s.root(), "reset -q --soft HEAD~1");
    expect_paths({"procedures/a.md", "procedures/e.md"});
}
