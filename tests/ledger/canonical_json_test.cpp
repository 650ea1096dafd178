// The byte form signatures cover: one spelling per value, whatever order it was built in.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "ledger/canonical_json.hpp"

namespace lectern::ledger {
namespace {

TEST(Ledger_CanonicalJson, SortsKeysByBytesWithoutWhitespace) {
    const auto value =
        nlohmann::json::parse(R"({ "b": 1, "a": [true, null, "x"], "B": {"z": 0, "y": -3} })");
    EXPECT_EQ(canonical_json(value), R"({"B":{"y":-3,"z":0},"a":[true,null,"x"],"b":1})");
}

TEST(Ledger_CanonicalJson, KeysSortByUtf8BytesNotByCharacterClass) {
    // 'é' (C3 A9) sorts after every ASCII key, 'z' before it.
    nlohmann::json value;
    value["é"] = 1;
    value["z"] = 2;
    value["Z"] = 3;
    EXPECT_EQ(canonical_json(value), "{\"Z\":3,\"z\":2,\"é\":1}");
}

TEST(Ledger_CanonicalJson, KeepsUtf8AndEscapesOnlyQuotesBackslashesAndControls) {
    nlohmann::json value = {{"t", "Zażółć \"gęślą\" \\ jaźń\n\t\x01\x7f — ✓"}};
    EXPECT_EQ(canonical_json(value),
              "{\"t\":\"Zażółć \\\"gęślą\\\" \\\\ jaźń\\n\\t\\u0001\x7f — ✓\"}");
}

TEST(Ledger_CanonicalJson, SameValueBuiltInAnyOrderGivesSameBytes) {
    nlohmann::json a;
    a["space"] = "alpha";
    a["agent"] = "maria";
    a["details"] = {{"score", 9}, {"answers", {1, 2}}};
    nlohmann::json b;
    b["details"] = {{"answers", {1, 2}}, {"score", 9}};
    b["agent"] = "maria";
    b["space"] = "alpha";
    EXPECT_EQ(canonical_json(a), canonical_json(b));
    EXPECT_EQ(canonical_json(nlohmann::json::parse(canonical_json(a))), canonical_json(a));
}

TEST(Ledger_CanonicalJson, RefusesFractionsNamingTheField) {
    nlohmann::json value = {{"details", {{"score", 0.85}}}};
    try {
        canonical_json(value);
        FAIL() << "a fraction was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
        EXPECT_NE(e.message().find("details.score"), std::string::npos) << e.message();
    }
}

TEST(Ledger_CanonicalJson, RefusesInvalidUtf8) {
    nlohmann::json value = {{"title", std::string("bad \xc3\x28 byte")}};
    EXPECT_THROW(canonical_json(value), Error);
}

TEST(Ledger_CanonicalJson, LargeIntegersKeepEveryDigit) {
    nlohmann::json value = {{"n", std::uint64_t{18446744073709551615u}},
                            {"m", std::int64_t{-9007199254740993}}};
    EXPECT_EQ(canonical_json(value), R"({"m":-9007199254740993,"n":18446744073709551615})");
}

}  // namespace
}  // namespace lectern::ledger
