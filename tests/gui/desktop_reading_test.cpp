// The desktop app's reading helpers that need no window: searched words marked in a page,
// a document's versions from a real git repository, and the diff page.

#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "content/space.hpp"
#include "content/word_diff.hpp"
#include "history_model.hpp"
#include "search_backend.hpp"
#include "search_highlight.hpp"
#include "support/temp_space.hpp"

using namespace lectern;
using namespace lectern::desktop;

TEST(DesktopHighlight, Terms_MarkedSnippetWordsAndQueryWordsAsPrefixes) {
    const std::string snippet = std::string("Ask for the ") + kMarkBegin + "Refunds" + kMarkEnd +
                                " form and " + kMarkBegin + "zwrot" + kMarkEnd + ".";
    const auto terms = highlight_terms("refu -angry type:script AND Zwrót x", snippet);
    EXPECT_EQ(terms.words, (std::vector<std::string>{"refunds", "zwrot"}));
    // Excluded words, filters, operators and single letters are not marked.
    EXPECT_EQ(terms.prefixes, (std::vector<std::string>{"refu", "zwrot"}));
}

TEST(DesktopHighlight, Html_MarksWordsInTextNeverInTagsOrEntities) {
    HighlightTerms terms;
    terms.prefixes = {"refund"};
    std::size_t count = 0;
    const std::string html = highlight_html(
        "<p><a href=\"lectern://document/refund-request\">Refund request</a> &amp; "
        "refunds, unrefunded.</p>",
        terms, &count);
    EXPECT_EQ(count, 2u);
    EXPECT_NE(html.find("href=\"lectern://document/refund-request\""), std::string::npos);
    EXPECT_NE(html.find("<a name=\"lectern-first-match\"></a><span style=\"background-color: "
                        "#ffe58a\">Refund</span> request"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("&amp; <span"), std::string::npos) << html;
    EXPECT_NE(html.find("unrefunded."), std::string::npos) << "a word containing it is not marked";
}

TEST(DesktopHighlight, Html_DiacriticsFoldLikeSearch) {
    HighlightTerms terms;
    terms.words = {"zolty"};
    std::size_t count = 0;
    highlight_html("<p>Żółty kabel</p>", terms, &count);
    EXPECT_EQ(count, 1u);
    EXPECT_EQ(highlight_html("<p>x</p>", {}, &count), "<p>x</p>");
    EXPECT_EQ(count, 0u);
}

namespace {

void git(const test::TempSpace& s, const std::string& args) {
    const std::string cmd = "git -C '" + s.root().string() +
                            "' -c user.name=Anna -c user.email=anna@example.org "
                            "-c init.defaultBranch=main -c commit.gpgsign=false " +
                            args + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

std::vector<content::DiffRun> runs(const char* a, const char* b) {
    return content::word_diff(a, b);
}

}  // namespace

TEST(DesktopVersions, NewestFirstAndTheUncommittedCopyOnTop) {
    test::TempSpace s;
    s.write("procedures/vpn.md", test::procedure("vpn", "Report within 1 hour.\n"));
    git(s, "init -q");
    git(s, "add -A");
    git(s, "commit -q -m First");
    s.write("procedures/vpn.md", test::procedure("vpn", "Report within 15 minutes.\n"));
    git(s, "commit -q -a -m Second -m 'Lectern-Change: minor'");
    s.write("procedures/vpn.md", test::procedure("vpn", "Report within 10 minutes.\n"));

    Diagnostics found;
    const auto space = content::Space::load(s.root(), found);
    const auto* doc = space.find_by_id("vpn");
    ASSERT_NE(doc, nullptr);
    const auto history = load_document_history(space, *doc);
    ASSERT_EQ(history.rows.size(), 3u);
    EXPECT_TRUE(history.rows[0].uncommitted);
    EXPECT_EQ(history.rows[1].message, "Second (minor change)");
    EXPECT_EQ(history.rows[2].message, "First");
    EXPECT_EQ(version_text(s.root(), history.rows[0]),
              test::procedure("vpn", "Report within 10 minutes.\n"));
    EXPECT_EQ(version_text(s.root(), history.rows[2]),
              test::procedure("vpn", "Report within 1 hour.\n"));
}

TEST(DesktopVersions, PlainFolderSaysWhyThereAreNone) {
    test::TempSpace s;
    s.write("procedures/vpn.md", test::procedure("vpn"));
    Diagnostics found;
    const auto space = content::Space::load(s.root(), found);
    const auto history = load_document_history(space, *space.find_by_id("vpn"));
    EXPECT_TRUE(history.rows.empty());
    EXPECT_FALSE(history.note.empty());
}

TEST(DesktopVersions, DiffPage_MarksInsertionsAndDeletionsAndAnchorsTheFirst) {
    VersionRow older, newer;
    older.label = "aaaaaaa";
    newer.label = "bbbbbbb";
    const std::string html =
        diff_page_html(runs("Report within 1 hour.", "Report within 15 minutes."), older, newer);
    EXPECT_NE(html.find("<a name=\"lectern-first-change\"></a>"), std::string::npos);
    EXPECT_NE(html.find("<del>1 hour</del>"), std::string::npos) << html;
    EXPECT_NE(
        html.find("&nbsp;<span style=\"background-color: #d5efd0\"><font color=\"#1d5c1d\"><u>15 "
                  "minutes</u>"),
        std::string::npos)
        << html;
    EXPECT_NE(html.find("aaaaaaa"), std::string::npos);
    EXPECT_NE(html.find("2 words inserted, 2 words deleted"), std::string::npos);
}

TEST(DesktopVersions, DiffPage_KeepsBlockBreaksAndJoinsWrappedLines) {
    const std::string html = diff_page_html(
        runs("---\nid: a\ntitle: A\n---\nOne long\nwrapped line.\n\n- item\n- two <b>\n",
             "---\nid: a\ntitle: A\n---\nOne long\nwrapped line.\n\n- item\n- three <b>\n"),
        {}, {});
    EXPECT_NE(html.find("id: a<br>\ntitle: A"), std::string::npos) << html;
    EXPECT_NE(html.find("One long wrapped line."), std::string::npos) << html;
    EXPECT_NE(html.find("- item<br>\n- "), std::string::npos) << html;
    EXPECT_NE(html.find("&lt;b&gt;"), std::string::npos) << "text is escaped";
}
