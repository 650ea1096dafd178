#include <gtest/gtest.h>

#include "content/schema_check.hpp"

using namespace lectern;
using namespace lectern::content;

namespace {

Diagnostics check(const std::string& yaml, const std::string& schema) {
    Diagnostics out;
    auto data = parse_yaml(yaml, "procedures/vpn.md", 2, out);
    if (data) check_against_schema(*data, schema, out);
    return out;
}

const std::string kValid =
    "id: vpn-security\ntype: procedure\ntitle: VPN\nlang: en\nowner: ole\nupdated: 2026-10-01\n"
    "review_by: 2027-04-01\nsignoff: required\n";

}  // namespace

TEST(SchemaCheck, ValidProcedurePasses) {
    EXPECT_TRUE(check(kValid, "procedure").items().empty());
}

TEST(SchemaCheck, BadDateSaysWhatADateLooksLike) {
    std::string yaml = kValid;
    yaml.replace(yaml.find("2027-04-01"), 10, "31.12.2026");
    const auto out = check(yaml, "procedure");
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].to_string(),
              "procedures/vpn.md:8:12: review_by must be a date like 2026-12-31");
}

TEST(SchemaCheck, ImpossibleDateIsRefused) {
    std::string yaml = kValid;
    yaml.replace(yaml.find("2027-04-01"), 10, "2027-13-01");
    EXPECT_EQ(check(yaml, "procedure").items().size(), 1u);
}

TEST(SchemaCheck, DayBeyondTheMonthIsRefused) {
    for (const char* bad : {"2027-04-31", "2027-02-30", "2027-06-00", "2027-4-01"}) {
        std::string yaml = kValid;
        yaml.replace(yaml.find("2027-04-01"), 10, bad);
        EXPECT_EQ(check(yaml, "procedure").items().size(), 1u) << bad;
    }
    for (const char* good : {"2027-01-31", "2028-02-29", "2027-12-31", "2027-11-30"}) {
        std::string yaml = kValid;
        yaml.replace(yaml.find("2027-04-01"), 10, good);
        EXPECT_TRUE(check(yaml, "procedure").items().empty()) << good;
    }
}

TEST(SchemaCheck, MissingFieldIsNamed) {
    std::string yaml = kValid;
    yaml.erase(yaml.find("owner: ole\n"), 11);
    const auto out = check(yaml, "procedure");
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].code, "missing-field");
    EXPECT_NE(out.items()[0].message.find("'owner'"), std::string::npos);
}

TEST(SchemaCheck, WrongFieldTypeIsReportedAtTheValue) {
    const auto out = check(kValid + "tags: refund\n", "procedure");
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].code, "invalid-field");
    EXPECT_EQ(out.items()[0].where.to_string(), "procedures/vpn.md:10:7");
    EXPECT_NE(out.items()[0].message.find("tags must be a list"), std::string::npos);
}

TEST(SchemaCheck, NumberWhereTextIsExpectedIsRefused) {
    std::string yaml = kValid;
    yaml.replace(yaml.find("title: VPN"), 10, "title: 42");
    const auto out = check(yaml, "procedure");
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_NE(out.items()[0].message.find("title must be"), std::string::npos);
}

TEST(SchemaCheck, UnknownFieldIsReportedAtItsKey) {
    const auto out = check(kValid + "colour: red\n", "procedure");
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].code, "unknown-field");
    EXPECT_EQ(out.items()[0].where.to_string(), "procedures/vpn.md:10:1");
}

TEST(SchemaCheck, EveryViolationOfOneFileIsReported) {
    std::string yaml = kValid;
    yaml.replace(yaml.find("required"), 8, "maybe");
    yaml.replace(yaml.find("lang: en"), 8, "lang: English");
    EXPECT_EQ(check(yaml, "procedure").items().size(), 2u);
}

TEST(SchemaCheck, NestedPathErrorsNameTheField) {
    const auto out = check(
        "id: new-agent\ntitle: P\nlang: en\nrole: agent\nowner: a\nupdated: 2026-10-01\n"
        "sections:\n  - title: Day 1\n    items:\n      - ref: vpn\n        due_days: soon\n",
        "path");
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].to_string(),
              "procedures/vpn.md:12:19: sections[0].items[0].due_days must be a whole number of "
              "days from 0 to 365");
}

TEST(SchemaCheck, ScriptsNeedAnAudience) {
    const auto out = check(
        "id: refund\ntype: script\ntitle: R\nlang: en\nowner: a\nupdated: 2026-10-01\n", "script");
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_NE(out.items()[0].message.find("'audience'"), std::string::npos);
}

TEST(SchemaCheck, FrontMatterThatIsNotAMappingIsRefused) {
    const auto out = check("- just\n- a list\n", "procedure");
    ASSERT_EQ(out.items().size(), 1u);
    EXPECT_EQ(out.items()[0].code, "front-matter-not-mapping");
}
