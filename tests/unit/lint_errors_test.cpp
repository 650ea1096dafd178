// Every error `lectern lint` reports, one test each, on spaces written by the test.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "content/space.hpp"
#include "quiz/quiz.hpp"
#include "support/temp_space.hpp"

using namespace lectern;
using namespace lectern::test;

TEST(Lint, CleanSpaceHasNoFindings) {
    TempSpace space;
    space.write("procedures/a.md", procedure("a", "See [b](b.md) and [b again](id:b#steps).\n"));
    space.write("procedures/b.md", procedure("b", "## Steps\nDo it.\n"));
    const auto found = space.lint();
    EXPECT_TRUE(found.items().empty()) << dump(found);
}

TEST(Lint, DuplicateIdIsReportedAtTheSecondFile) {
    TempSpace space;
    space.write("procedures/a.md", procedure("same"));
    space.write("procedures/b.md", procedure("same"));
    const auto found = space.lint();
    EXPECT_TRUE(has_diagnostic(found, "duplicate-id", "procedures/b.md:2:5")) << dump(found);
    EXPECT_NE(found.items()[0].message.find("procedures/a.md"), std::string::npos);
}

TEST(Lint, LinkToMissingDocumentIsLocated) {
    TempSpace space;
    space.write("procedures/a.md", procedure("a", "Intro.\n\nCall [the desk](id:helpdesk) now.\n"));
    const auto found = space.lint();
    EXPECT_TRUE(has_diagnostic(found, "broken-link", "procedures/a.md:13:6")) << dump(found);
}

TEST(Lint, RelativeLinkToMissingFileIsReported) {
    TempSpace space;
    space.write("procedures/a.md", procedure("a", "[x](../scripts/none.md)\n"));
    EXPECT_TRUE(has_diagnostic(space.lint(), "broken-link", "procedures/a.md:11"));
}

TEST(Lint, LinkToMissingSectionIsReported) {
    TempSpace space;
    space.write("procedures/a.md", procedure("a", "[x](id:b#nowhere) [y](#also-nowhere)\n"));
    space.write("procedures/b.md", procedure("b", "## Somewhere\n"));
    const auto found = space.lint();
    EXPECT_EQ(found.error_count(), 2u) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "broken-anchor", "procedures/a.md:11:1"));
}

TEST(Lint, ExternalLinksAreNotChecked) {
    TempSpace space;
    space.write(
        "procedures/a.md",
        procedure("a", "[w](https://example.org) [m](mailto:a@b.c) [t](tel:+4712345678)\n"));
    EXPECT_TRUE(space.lint().items().empty());
}

TEST(Lint, PathItemThatDoesNotExistIsReported) {
    TempSpace space;
    space.write("procedures/a.md", procedure("a"));
    space.write("paths/new.yaml",
                "id: new-agent\ntitle: New\nlang: en\nrole: agent\nowner: a\nupdated: 2026-10-01\n"
                "sections:\n  - title: Day 1\n    items:\n      - ref: a\n        due_days: 1\n"
                "      - ref: ghost\n        due_days: 2\n");
    const auto found = space.lint();
    ASSERT_EQ(found.error_count(), 1u) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "unknown-path-item", "paths/new.yaml:12:14"));
}

TEST(Lint, UnknownFolderIsReportedOnce) {
    TempSpace space;
    space.write("memos/a.md", procedure("a"));
    space.write("memos/b.md", procedure("b"));
    const auto found = space.lint();
    ASSERT_EQ(found.error_count(), 1u) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "unknown-folder", "memos/"));
}

TEST(Lint, UnknownFileInAKnownFolderIsReported) {
    TempSpace space;
    space.write("procedures/notes.txt", "x");
    space.write("stray.md", "x");
    const auto found = space.lint();
    EXPECT_TRUE(has_diagnostic(found, "unknown-file", "procedures/notes.txt"));
    EXPECT_TRUE(has_diagnostic(found, "unknown-file", "stray.md"));
}

TEST(Lint, UnknownTypeIsReported) {
    TempSpace space;
    std::string doc = procedure("a");
    doc.replace(doc.find("type: procedure"), 15, "type: memo");
    space.write("procedures/a.md", doc);
    const auto found = space.lint();
    ASSERT_EQ(found.error_count(), 1u) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "invalid-field", "procedures/a.md:3:7"));
    EXPECT_NE(found.items()[0].message.find("type must be 'procedure'"), std::string::npos);
}

TEST(Lint, TypeThatDoesNotMatchTheFolderIsReported) {
    TempSpace space;
    space.write("scripts/a.md", procedure("a"));
    EXPECT_TRUE(has_diagnostic(space.lint(), "invalid-field", "scripts/a.md:3"));
}

TEST(Lint, InvalidUtf8IsLocated) {
    TempSpace space;
    space.write("procedures/a.md", procedure("a", "Zażółć\nbad \xC3\x28 byte\n"));
    const auto found = space.lint();
    ASSERT_EQ(found.error_count(), 1u) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "invalid-utf8", "procedures/a.md:12:5"));
}

TEST(Lint, FileOverTheSizeLimitIsRefusedWithItsSize) {
    TempSpace space;
    space.write("procedures/big.md", procedure("big", std::string(2 * 1024 * 1024, 'x')));
    const auto found = space.lint();
    ASSERT_EQ(found.error_count(), 1u) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "file-too-large", "procedures/big.md"));
    EXPECT_NE(found.items()[0].message.find("2.0 MiB"), std::string::npos);
}

TEST(Lint, MissingFrontMatterIsReported) {
    TempSpace space;
    space.write("procedures/a.md", "# Power cut\n\nCall the supervisor.\n");
    EXPECT_TRUE(has_diagnostic(space.lint(), "missing-front-matter", "procedures/a.md:1:1"));
}

TEST(Lint, WrongFieldTypeIsReported) {
    TempSpace space;
    std::string doc = procedure("a");
    doc.replace(doc.find("signoff: required"), 17, "signoff: [yes]");
    space.write("procedures/a.md", doc);
    EXPECT_TRUE(has_diagnostic(space.lint(), "invalid-field", "procedures/a.md:9:10"));
}

TEST(Lint, MissingManifestIsReported) {
    TempSpace space(false);
    space.write("procedures/a.md", procedure("a"));
    EXPECT_TRUE(has_diagnostic(space.lint(), "missing-manifest", "lectern.yaml"));
}

TEST(Lint, TranslationOfMissingDocumentIsReported) {
    TempSpace space;
    std::string doc = procedure("a-pl");
    doc.insert(doc.find("---\n", 4), "translation_of: a\n");
    space.write("procedures/a.pl.md", doc);
    EXPECT_TRUE(has_diagnostic(space.lint(), "unknown-reference", "procedures/a.pl.md:10:17"));
}

TEST(Lint, ScriptChoiceThatLeadsNowhereIsReported) {
    TempSpace space;
    space.write("scripts/s.md",
                script("s", "## Greet\n\n- [Yes](#verify)\n- [No](#goodbye)\n\n## Verify\nOk.\n"));
    const auto found = space.lint();
    ASSERT_EQ(found.error_count(), 1u) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "script-dead-choice", "scripts/s.md:13:3"));
}

TEST(Lint, ScriptStepNoChoiceReachesIsReported) {
    TempSpace space;
    space.write(
        "scripts/s.md",
        script("s", "## Greet\n\n- [Yes](#verify)\n\n## Verify\nOk.\n\n## Orphan\nNever.\n"));
    const auto found = space.lint();
    ASSERT_EQ(found.error_count(), 1u) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "script-unreachable-step", "scripts/s.md:17:1"));
}

TEST(Lint, ScriptStepReachableOnlyFromAnOrphanIsUnreachable) {
    TempSpace space;
    space.write("scripts/s.md",
                script("s", "## Greet\nHi.\n\n## Orphan\n- [Go](#also)\n\n## Also\nX.\n"));
    EXPECT_EQ(space.lint().error_count(), 2u);
}

TEST(Lint, ScriptWithoutStepsIsReported) {
    TempSpace space;
    space.write("scripts/s.md", script("s", "Just say hello.\n"));
    EXPECT_TRUE(has_diagnostic(space.lint(), "script-no-steps", "scripts/s.md"));
}

TEST(Lint, SymbolicLinksAreRefused) {
    TempSpace space;
    space.write("procedures/a.md", procedure("a"));
    std::filesystem::create_symlink(space.root() / "procedures/a.md",
                                    space.root() / "procedures/b.md");
    EXPECT_TRUE(has_diagnostic(space.lint(), "symlink", "procedures/b.md"));
}

TEST(Lint, PlainGiftQuizNeedsNoFrontMatter) {
    TempSpace space;
    space.write("quizzes/moodle-export.gift", "::Q1:: Is the sky blue? {T}\n");
    const auto found = space.lint();
    EXPECT_TRUE(found.items().empty()) << dump(found);
}

// What "accepted as it is" means for a plain Moodle export: the file name is its id, the title
// too, and every setting has its default.
TEST(Lint, PlainGiftQuizTakesItsIdFromTheFileNameAndDefaultSettings) {
    TempSpace space;
    space.write("quizzes/moodle-export.gift", "::Q1:: Is the sky blue? {T}\n");
    Diagnostics problems;
    const auto loaded = lectern::content::Space::load(space.root(), problems);
    const auto* doc = loaded.find_by_id("moodle-export");
    ASSERT_NE(doc, nullptr);
    const lectern::quiz::Quiz quiz = lectern::quiz::load_quiz(loaded, *doc);
    EXPECT_EQ(quiz.id, "moodle-export");
    EXPECT_EQ(quiz.settings.pass_mark_permille, 800);
    EXPECT_FALSE(quiz.settings.attempts);
    EXPECT_FALSE(quiz.settings.time_limit_minutes);
    EXPECT_FALSE(quiz.settings.pool_size);
    EXPECT_FALSE(quiz.settings.gates_signoff);
    EXPECT_EQ(quiz.bank.gradable_count(), 1u);
}

TEST(Lint, AllErrorsOfATreeAreReportedInOneRun) {
    TempSpace space;
    space.write("procedures/a.md", "no front matter\n");
    space.write("procedures/b.md", procedure("b", "[x](id:nothing)\n"));
    space.write("procedures/c.md", procedure("b"));
    space.write("memos/x.md", "x");
    const auto found = space.lint();
    EXPECT_EQ(found.error_count(), 4u) << dump(found);
}

TEST(Lint, DiagnosticsAreSortedByFileAndLine) {
    TempSpace space;
    space.write("procedures/z.md", "none\n");
    space.write("procedures/a.md", procedure("a", "[x](id:nothing)\n[y](id:nothing2)\n"));
    const auto found = space.lint();
    ASSERT_EQ(found.items().size(), 3u);
    EXPECT_EQ(found.items()[0].where.line, 11);
    EXPECT_EQ(found.items()[1].where.line, 12);
    EXPECT_EQ(found.items()[2].where.file, "procedures/z.md");
}

TEST(Lint, MalformedQuizQuestionIsLocatedInTheFile) {
    TempSpace space;
    space.write(
        "quizzes/q.gift",
        "---\nid: q\ntype: quiz\ntitle: Q\nlang: en\n---\n::Q1::Fine{T}\n\n::Q2::Broken {=a ~b\n");
    const auto found = space.lint();
    ASSERT_EQ(found.error_count(), 1u) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "gift-syntax", "quizzes/q.gift:9:14"));
}

TEST(Lint, QuizPoolLargerThanItsQuestionsIsReported) {
    TempSpace space;
    space.write("quizzes/q.gift",
                "---\nid: q\ntype: quiz\ntitle: Q\nlang: en\npool_size: 5\n---\nA{T}\n\nB{F}\n");
    EXPECT_TRUE(has_diagnostic(space.lint(), "quiz-pool-too-large", "quizzes/q.gift"));
}

TEST(Lint, QuizWithoutQuestionsIsReported) {
    TempSpace space;
    space.write("quizzes/q.gift", "// only a comment\n");
    EXPECT_TRUE(has_diagnostic(space.lint(), "quiz-no-questions", "quizzes/q.gift"));
}

// Large spaces are read on several threads; what is found must not depend on it.
TEST(Lint, LargeSpaceReportsWhatASmallOneWould) {
    TempSpace space;
    char name[32];
    for (int i = 0; i < 300; ++i) {
        std::snprintf(name, sizeof name, "procedures/p%03d.md", i);
        const std::string id = i == 299 ? "p005" : "p" + std::to_string(1000 + i).substr(1);
        std::string text = procedure(id);
        if (i == 10 || i == 150) text.replace(text.find("updated: "), 9, "updated: x");
        space.write(name, text);
    }
    const auto found = space.lint();
    EXPECT_EQ(found.error_count(), 3u) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "invalid-field", "procedures/p010.md")) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "invalid-field", "procedures/p150.md")) << dump(found);
    EXPECT_TRUE(has_diagnostic(found, "duplicate-id", "procedures/p299.md")) << dump(found);
}
