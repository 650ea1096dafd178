#include <gtest/gtest.h>

#include "content/front_matter.hpp"

using namespace lectern;
using namespace lectern::content;

TEST(FrontMatter, SplitsYamlAndBodyWithLineNumbers) {
    Diagnostics out;
    const std::string text = "---\nid: a\ntitle: B\n---\n# Body\ntext\n";
    auto split = split_front_matter(text, "f.md", out);
    ASSERT_TRUE(split);
    EXPECT_EQ(split->yaml, "id: a\ntitle: B\n");
    EXPECT_EQ(split->yaml_first_line, 2);
    EXPECT_EQ(split->body, "# Body\ntext\n");
    EXPECT_EQ(split->body_first_line, 5);
    EXPECT_TRUE(out.items().empty());
}

TEST(FrontMatter, ByteOrderMarkAndCrLfAreAccepted) {
    Diagnostics out;
    auto split = split_front_matter("\xEF\xBB\xBF---\r\nid: a\r\n---\r\nbody", "f.md", out);
    ASSERT_TRUE(split);
    EXPECT_EQ(split->body, "body");
}

TEST(FrontMatter, MissingFrontMatterIsReportedAtLineOne) {
    Diagnostics out;
    EXPECT_FALSE(split_front_matter("# Just a heading\n", "p.md", out));
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].code, "missing-front-matter");
    EXPECT_EQ(out.items()[0].where.to_string(), "p.md:1:1");
}

TEST(FrontMatter, UnclosedFrontMatterIsReported) {
    Diagnostics out;
    EXPECT_FALSE(split_front_matter("---\nid: a\n", "p.md", out));
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].code, "unclosed-front-matter");
}

TEST(FrontMatter, PlainScalarsAreTypedAsYaml12) {
    Diagnostics out;
    auto data = parse_yaml("n: 12\nf: 2.5\nb: true\nz: ~\nd: 2026-12-31\nq: \"12\"\ns: hello\n",
                           "f", 2, out);
    ASSERT_TRUE(data);
    const auto& v = data->value;
    EXPECT_TRUE(v["n"].is_number_integer());
    EXPECT_TRUE(v["f"].is_number_float());
    EXPECT_TRUE(v["b"].is_boolean());
    EXPECT_TRUE(v["z"].is_null());
    EXPECT_EQ(v["d"], "2026-12-31") << "dates stay strings";
    EXPECT_EQ(v["q"], "12") << "quoted scalars are strings";
    EXPECT_EQ(v["s"], "hello");
}

TEST(FrontMatter, LocationsPointAtValuesAndKeys) {
    Diagnostics out;
    auto data = parse_yaml("id: a\nsections:\n  - title: x\n    items: [b]\n", "p.yaml", 1, out);
    ASSERT_TRUE(data);
    EXPECT_EQ(data->locate("/id").to_string(), "p.yaml:1:5");
    EXPECT_EQ(data->locate("/sections/0/title").to_string(), "p.yaml:3:12");
    EXPECT_EQ(data->locate("/sections/0/items/0").to_string(), "p.yaml:4:13");
    EXPECT_EQ(data->locate("/id#key").to_string(), "p.yaml:1:1");
    EXPECT_EQ(data->locate("/sections/0/missing").to_string(), "p.yaml:3:5")
        << "falls back to the parent";
}

TEST(FrontMatter, YamlSyntaxErrorIsLocated) {
    Diagnostics out;
    EXPECT_FALSE(parse_yaml("id: a\ntitle: [unclosed\n", "p.md", 2, out));
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].code, "yaml-syntax");
    EXPECT_GE(out.items()[0].where.line, 2);
}

TEST(FrontMatter, DuplicateKeyIsReported) {
    Diagnostics out;
    auto data = parse_yaml("id: a\nid: b\n", "p.md", 2, out);
    ASSERT_TRUE(data);
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].code, "duplicate-field");
    EXPECT_EQ(out.items()[0].where.to_string(), "p.md:3:1");
}

TEST(FrontMatter, AbsurdNestingIsRefusedNotRecursedForever) {
    Diagnostics out;
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += "[";
    for (int i = 0; i < 200; ++i) deep += "]";
    auto data = parse_yaml("x: " + deep + "\n", "p.md", 2, out);
    EXPECT_TRUE(out.has_errors());
}
