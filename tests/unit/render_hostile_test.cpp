// Whatever a Markdown file holds, the HTML Lectern shows must not be able to run anything.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "render/markdown.hpp"

using namespace lectern::render;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

// Fails the test unless every tag of the HTML is one cmark writes for Markdown and every URL
// in it is a web, mail, phone, in-page or in-app link. Text between tags may say anything:
// it is escaped, so "javascript:" in a paragraph is words, not code.
void expect_inert(const std::string& input) {
    const std::string html = lower(render_html(input));
    static const std::vector<std::string> kTags = {
        "p",     "a",     "em",    "strong", "code", "pre", "ul",         "ol",  "li",
        "h1",    "h2",    "h3",    "h4",     "h5",   "h6",  "blockquote", "hr",  "br",
        "table", "thead", "tbody", "tr",     "th",   "td",  "del",        "img", "input"};
    for (std::size_t lt = html.find('<'); lt != std::string::npos; lt = html.find('<', lt + 1)) {
        if (html.compare(lt, 4, "<!--") == 0) {
            // cmark's "raw HTML omitted" marker; nothing may hide inside a comment.
            const auto close = html.find("-->", lt);
            ASSERT_NE(close, std::string::npos) << html;
            EXPECT_EQ(html.substr(lt, close - lt + 3), "<!-- raw html omitted -->")
                << "input: " << input;
            continue;
        }
        const auto gt = html.find('>', lt);
        ASSERT_NE(gt, std::string::npos) << "unclosed tag in output: " << html;
        const std::string tag = html.substr(lt + 1, gt - lt - 1);
        std::string name = tag.substr(tag[0] == '/' ? 1 : 0);
        name = name.substr(0, name.find_first_of(" /"));
        EXPECT_TRUE(std::find(kTags.begin(), kTags.end(), name) != kTags.end())
            << "tag <" << tag << "> in output of: " << input;
        // Attributes: name="value" pairs; cmark always quotes values with ".
        for (std::size_t eq = tag.find("=\""); eq != std::string::npos;
             eq = tag.find("=\"", eq + 1)) {
            const auto attr_start = tag.rfind(' ', eq) + 1;
            const std::string attr = tag.substr(attr_start, eq - attr_start);
            const auto value_end = tag.find('"', eq + 2);
            const std::string value = tag.substr(eq + 2, value_end - eq - 2);
            EXPECT_FALSE(starts_with(attr, "on"))
                << "event attribute " << attr << " in output of: " << input;
            EXPECT_TRUE(attr != "style") << "style attribute in output of: " << input;
            if (attr == "href" || attr == "src") {
                const bool safe = value.empty() || starts_with(value, "http://") ||
                                  starts_with(value, "https://") || starts_with(value, "mailto:") ||
                                  starts_with(value, "tel:") || starts_with(value, "#") ||
                                  starts_with(value, "lectern://");
                EXPECT_TRUE(safe) << attr << "=\"" << value << "\" in output of: " << input;
                EXPECT_TRUE(attr != "src" || value.empty()) << "an image would load " << value;
            }
        }
    }
}

}  // namespace

TEST(RenderHostile, ScriptTagsNeverPass) {
    expect_inert("<script>alert(1)</script>");
    expect_inert("text <script src=https://evil.example/x.js></script> more");
    expect_inert("<SCRIPT>alert(1)</SCRIPT>");
    expect_inert("<scr<script>ipt>alert(1)</script>");
}

TEST(RenderHostile, EventAttributesNeverPass) {
    expect_inert("<img src=x onerror=alert(1)>");
    expect_inert("<div onclick=\"steal()\">click</div>");
    expect_inert("<a href=\"#\" onmouseover=\"x()\">hover</a>");
    expect_inert("<svg/onload=alert(1)>");
    expect_inert("<body onload=alert(1)>");
}

TEST(RenderHostile, DangerousLinkSchemesAreNeutralised) {
    expect_inert("[click](javascript:alert(1))");
    expect_inert("[click](JaVaScRiPt:alert(1))");
    expect_inert("[click](vbscript:msgbox(1))");
    expect_inert("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");
    expect_inert("[click](file:///etc/passwd)");
    expect_inert("[click](  javascript:alert(1) )");
    expect_inert("[click](java&#x73;cript:alert(1))");
    expect_inert("[click](&#106;avascript:alert(1))");
    expect_inert("<javascript:alert(1)>");
    expect_inert("[ref]\n\n[ref]: javascript:alert(1)");
    expect_inert("![img](data:image/png;base64,iVBORw0KGgo=)");
    expect_inert("![img](javascript:alert(1))");
    expect_inert("[x](//evil.example/path)");
}

TEST(RenderHostile, RawHtmlOfEveryKindIsOmitted) {
    expect_inert("<iframe src=\"https://evil.example\"></iframe>");
    expect_inert("<object data=x></object><embed src=x>");
    expect_inert("<style>body{display:none}</style>");
    expect_inert("<meta http-equiv=refresh content=\"0;url=https://evil.example\">");
    expect_inert("<form action=https://evil.example><input type=text name=pw></form>");
    expect_inert("<base href=https://evil.example/>");
    expect_inert("<link rel=stylesheet href=https://evil.example/x.css>");
}

TEST(RenderHostile, NestedAndBrokenHtmlStaysInert) {
    expect_inert("<div><p><b><i><script>alert(1)</i></b></p>");
    expect_inert("<<script>>alert(1)<</script>>");
    expect_inert("<a href=\"javascript:alert(1)\"<b>x</b></a>");
    expect_inert("<img src=\"x\" alt=\"\"\"onerror=\"alert(1)\">");
    expect_inert("<!-- <script>alert(1)</script> -->");
    expect_inert("<![CDATA[<script>alert(1)</script>]]>");
    expect_inert("| a |\n|---|\n| <script>alert(1)</script> |\n");
    expect_inert("- [ ] <img src=x onerror=alert(1)>\n");
    expect_inert("```html\n<script>alert(1)</script>\n```\n");
}

TEST(RenderHostile, CodeKeepsItsTextButEscaped) {
    const std::string html = render_html("`<script>`\n\n```\n<b onclick=x>\n```\n");
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos) << html;
    EXPECT_NE(html.find("&lt;b onclick=x&gt;"), std::string::npos) << html;
}

TEST(RenderHostile, VeryLongLinesAndDeepNestingDoNotCrash) {
    expect_inert(std::string(500000, 'a') + "<script>x</script>");
    expect_inert(std::string(10000, '>') + " <script>x</script>");
    expect_inert(std::string(10000, '[') + "x" + std::string(10000, ']') + "(javascript:x)");
    std::string lists;
    for (int i = 0; i < 2000; ++i)
        lists += std::string(static_cast<std::size_t>(i % 200) * 2, ' ') + "- item\n";
    expect_inert(lists + "<script>x</script>");
}

TEST(RenderHostile, InvalidUtf8AndNulBytesAreReplaced) {
    const std::string html = render_html(std::string("bad \xff\xfe byte and a \0 nul", 23));
    EXPECT_EQ(html.find('\0'), std::string::npos);
    EXPECT_NE(html.find("\xEF\xBF\xBD"), std::string::npos) << "replacement character";
}
