#include <gtest/gtest.h>

#include "common/text.hpp"

using namespace lectern;

TEST(Text, ValidUtf8InEveryScriptIsAccepted) {
    EXPECT_FALSE(
        find_invalid_utf8("Zażółć gęślą jaźń, blåbærsyltetøy, Jõgeva, Привет").has_value());
}

TEST(Text, InvalidUtf8IsFoundAtItsOffset) {
    EXPECT_EQ(find_invalid_utf8("ab\xff"), 2u);
    EXPECT_EQ(find_invalid_utf8("\xc0\xaf"), 0u) << "overlong form of '/'";
    EXPECT_EQ(find_invalid_utf8("x\xed\xa0\x80"), 1u) << "surrogate";
    EXPECT_EQ(find_invalid_utf8("\xe2\x82"), 0u) << "truncated sequence";
    EXPECT_EQ(find_invalid_utf8("\xf4\x90\x80\x80"), 0u) << "above U+10FFFF";
}

TEST(Text, LineAndColumnCountCodePoints) {
    const std::string text = "first\nżółw x";
    const auto lc = line_column_at(text, text.find('x'));
    EXPECT_EQ(lc.line, 2);
    EXPECT_EQ(lc.column, 6);
}

TEST(Text, LowercaseCoversLatinAndCyrillic) {
    EXPECT_EQ(utf8_lower("ŻÓŁW ÆØÅ ÕÄÖÜ ŠŽ ПРИВЕТ Ёж"), "żółw æøå õäöü šž привет ёж");
}

TEST(Text, HeadingAnchorsFollowGithub) {
    EXPECT_EQ(heading_anchor("Verify identity"), "verify-identity");
    EXPECT_EQ(heading_anchor("Step 2: ask for the order number!"),
              "step-2-ask-for-the-order-number");
    EXPECT_EQ(heading_anchor("Zapytaj o numer zamówienia"), "zapytaj-o-numer-zamówienia");
    EXPECT_EQ(heading_anchor("Спросите номер"), "спросите-номер");
    EXPECT_EQ(heading_anchor("Greet — then verify"), "greet--then-verify");
}
