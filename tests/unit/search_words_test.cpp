// How search splits and normalizes words: the same on both sides of the index.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "search/words.hpp"

using namespace lectern::search;

namespace {
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    for_each_word(text, [&](const Word& w) { out.emplace_back(w.text); });
    return out;
}
}  // namespace

TEST(SearchWords, SplitOnPunctuationAndKeepEveryScript) {
    EXPECT_EQ(
        words_of("Reset the router (hub), then wait 2 min."),
        (std::vector<std::string>{"Reset", "the", "router", "hub", "then", "wait", "2", "min"}));
    EXPECT_EQ(words_of("«Żółty» — спасибо! Spørsmål…"),
              (std::vector<std::string>{"Żółty", "спасибо", "Spørsmål"}));
    EXPECT_EQ(words_of("home-office e-mail"),
              (std::vector<std::string>{"home", "office", "e", "mail"}));
}

TEST(SearchWords, OffsetsPointIntoTheText) {
    const std::string text = "  zwrot pieniędzy";
    std::vector<std::size_t> offsets;
    for_each_word(text, [&](const Word& w) { offsets.push_back(w.offset); });
    EXPECT_EQ(offsets, (std::vector<std::size_t>{2, 8}));
}

TEST(SearchWords, NormalFormHasNoCaseAndNoDiacritics) {
    EXPECT_EQ(normalize_word("Żółty"), "zolty");
    EXPECT_EQ(normalize_word("ŻÓŁTY"), "zolty");
    EXPECT_EQ(normalize_word("Spørsmål"), "sporsmal");
    EXPECT_EQ(normalize_word("Šärkus"), "sarkus");
    EXPECT_EQ(normalize_word("õun"), "oun");
    EXPECT_EQ(normalize_word("Ёлка"), "елка");
    EXPECT_EQ(normalize_word("Straße"), "strasse");
    EXPECT_EQ(normalize_word("Refund"), "refund");
    // Russian letters other than ё keep their identity: й is a letter, not и with a mark.
    EXPECT_EQ(normalize_word("Новый"), "новый");
}

TEST(SearchWords, DecomposedDiacriticsFoldLikeComposedOnes) {
    EXPECT_EQ(normalize_word("z\xCC\x87o\xCC\x81\xC5\x82ty"),
              "zolty");  // z + dot above, o + acute, ł
}

TEST(SearchWords, OverlongRunsAreNotWords) {
    const std::string noise(200, 'a');
    EXPECT_TRUE(words_of(noise).empty());
}
