#include <gtest/gtest.h>

#include "content/document_view.hpp"
#include "render/markdown.hpp"
#include "support/temp_space.hpp"

using namespace lectern;
using namespace lectern::render;

namespace {
bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}
}  // namespace

TEST(Render, GfmTablesTaskListsStrikethroughAndAutolinks) {
    const std::string html = render_html(
        "| Key | Action |\n|---|---|\n| F1 | Help |\n\n- [x] headset\n- [ ] camera\n\n~~old~~ "
        "new\n\n"
        "See www.example.org\n");
    EXPECT_TRUE(contains(html, "<table>")) << html;
    EXPECT_TRUE(contains(html, "<td>F1</td>")) << html;
    EXPECT_TRUE(contains(html, "type=\"checkbox\"")) << html;
    EXPECT_TRUE(contains(html, "<del>old</del>")) << html;
    EXPECT_TRUE(contains(html, "href=\"http://www.example.org\"")) << html;
}

TEST(Render, WebMailPhoneAndAnchorLinksAreKept) {
    const std::string html =
        render_html("[a](https://x.org) [b](mailto:it@x.org) [c](tel:+4722000000) [d](#steps)");
    for (const char* href : {"https://x.org", "mailto:it@x.org", "tel:+4722000000", "#steps"}) {
        EXPECT_TRUE(contains(html, std::string("href=\"") + href + "\"")) << href << "\n" << html;
    }
}

TEST(Render, DocumentLinksGoThroughTheResolver) {
    RenderOptions options;
    options.resolve_link = [](std::string_view target) -> std::optional<std::string> {
        if (target == "id:vpn-security") return "lectern://document/vpn-security";
        return std::nullopt;
    };
    const std::string html = render_html("[VPN](id:vpn-security) and [gone](id:missing)", options);
    EXPECT_TRUE(contains(html, "href=\"lectern://document/vpn-security\"")) << html;
    EXPECT_TRUE(contains(html, "<a href=\"\">gone</a>")) << html;
}

TEST(Render, ImagesNeverLoadFromTheNetwork) {
    const std::string html = render_html("![tracker](https://evil.example/pixel.gif)");
    EXPECT_FALSE(contains(html, "evil.example")) << html;
}

TEST(Render, LinksBetweenSpaceDocumentsResolveByPathAndId) {
    test::TempSpace dir;
    dir.write("procedures/a.md",
              test::procedure("a", "[p](b.md#steps) [i](id:b) [s](../scripts/none.md)\n"));
    dir.write("procedures/b.md", test::procedure("b", "## Steps\n"));
    Diagnostics ignored;
    const auto space = content::Space::load(dir.root(), ignored);
    const std::string html = content::document_html(space, *space.find_by_id("a"));
    EXPECT_TRUE(contains(html, "href=\"lectern://document/b#steps\"")) << html;
    EXPECT_TRUE(contains(html, "href=\"lectern://document/b\"")) << html;
    EXPECT_TRUE(contains(html, "<a href=\"\">s</a>")) << html;
}

TEST(Render, OutlineGivesHeadingsAndLinksWithPositions) {
    const auto o = outline("# Title\n\nText [one](id:a).\n\n## Next step\n  [two](#x)\n");
    ASSERT_EQ(o.headings.size(), 2u);
    EXPECT_EQ(o.headings[1].anchor, "next-step");
    EXPECT_EQ(o.headings[1].line, 5);
    ASSERT_EQ(o.links.size(), 2u);
    EXPECT_EQ(o.links[0].target, "id:a");
    EXPECT_EQ(o.links[0].line, 3);
    EXPECT_EQ(o.links[0].column, 6);
    EXPECT_EQ(o.links[1].text, "two");
}

TEST(Render, EscapeHtmlMakesTextInertInContentAndAttributes) {
    EXPECT_EQ(escape_html("<a href=\"x\">&</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    EXPECT_EQ(escape_html("Zażółć"), "Zażółć");
}
