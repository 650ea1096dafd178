#include <gtest/gtest.h>

#include "content/document_view.hpp"
#include "content/title_match.hpp"
#include "support/temp_space.hpp"

using namespace lectern;
using namespace lectern::content;

namespace {
std::string titled(const std::string& id, const std::string& title) {
    return "---\nid: " + id + "\ntype: procedure\ntitle: " + title +
           "\nlang: en\nowner: anna\nupdated: 2026-10-01\nreview_by: 2027-04-01\n"
           "signoff: required\n---\nSee [the other](id:refund-policy).\n";
}

struct Titles : ::testing::Test {
    Titles() {
        dir.write("procedures/a.md", titled("refund-policy", "Refund policy"));
        dir.write("procedures/b.md", titled("late-refund", "Late refunds"));
        dir.write("procedures/c.md", titled("prefunded", "Prefunded accounts"));
        dir.write("procedures/d.md", titled("vpn", "VPN and workstation security"));
        dir.write("procedures/e.md", titled("zwrot", "Zwrot ŻÓŁTEJ karty"));
        space = Space::load(dir.root(), found);
    }
    std::vector<std::string> ids(std::string_view query, std::size_t limit = 10) const {
        std::vector<std::string> out;
        for (const auto* d : match_titles(space, query, limit)) out.push_back(d->id);
        return out;
    }
    test::TempSpace dir;
    Diagnostics found;
    Space space;
};
}  // namespace

TEST_F(Titles, TitleStartingWithTheQueryComesFirst) {
    EXPECT_EQ(ids("refu"), (std::vector<std::string>{"refund-policy", "late-refund", "prefunded"}));
}

TEST_F(Titles, EveryWordMustMatchInAnyOrder) {
    EXPECT_EQ(ids("security vpn"), (std::vector<std::string>{"vpn"}));
    EXPECT_TRUE(ids("vpn refund").empty());
}

TEST_F(Titles, CaseInsensitiveBeyondAscii) {
    EXPECT_EQ(ids("żółtej"), (std::vector<std::string>{"zwrot"}));
    EXPECT_EQ(ids("REFUND POL"), (std::vector<std::string>{"refund-policy"}));
}

TEST_F(Titles, BlankQueryFindsNothingAndLimitHolds) {
    EXPECT_TRUE(ids("").empty());
    EXPECT_TRUE(ids("   ").empty());
    EXPECT_EQ(ids("refu", 1).size(), 1u);
}

TEST_F(Titles, MarkdownHtmlResolvesLinksFromTheDocument) {
    const Document* doc = space.find_by_id("vpn");
    ASSERT_NE(doc, nullptr);
    const auto html = markdown_html(space, *doc, "Go to [policy](id:refund-policy#limits).");
    EXPECT_NE(html.find("href=\"lectern://document/refund-policy#limits\""), std::string::npos)
        << html;
}
