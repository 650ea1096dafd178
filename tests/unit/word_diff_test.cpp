// Word-level diffs: what the app's diff view and `lectern diff` show between two versions.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "content/word_diff.hpp"
#include "support/cpu_time.hpp"

using lectern::content::DiffOp;
using lectern::content::DiffRun;
using lectern::content::word_diff;
using lectern::content::word_diff_marked_text;
using lectern::content::word_diff_stats;

namespace {

// The old text is the Equal and Delete runs, the new one the Equal and Insert runs.
void expect_round_trip(const std::string& before, const std::string& after) {
    const auto runs = word_diff(before, after);
    std::string old_text, new_text;
    for (const auto& r : runs) {
        if (r.op != DiffOp::Insert) old_text += r.text;
        if (r.op != DiffOp::Delete) new_text += r.text;
    }
    EXPECT_EQ(old_text, before);
    EXPECT_EQ(new_text, after);
    for (std::size_t i = 1; i < runs.size(); ++i) {
        EXPECT_NE(runs[i].op, runs[i - 1].op) << "adjacent runs share an op at " << i;
        EXPECT_FALSE(runs[i].op == DiffOp::Delete && runs[i - 1].op == DiffOp::Insert)
            << "an insertion comes before its deletion at " << i;
    }
}

}  // namespace

TEST(WordDiff, Diff_IdenticalTextsAreOneEqualRun) {
    const auto runs = word_diff("Lock the screen.", "Lock the screen.");
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0], (DiffRun{DiffOp::Equal, "Lock the screen."}));
    EXPECT_TRUE(word_diff("", "").empty());
}

TEST(WordDiff, Diff_ChangedWordIsDeletedThenInserted) {
    EXPECT_EQ(word_diff_marked_text(word_diff("Lock the screen after 15 minutes.",
                                              "Lock the screen after 5 minutes.")),
              "Lock the screen after [-15-]{+5+} minutes.");
}

TEST(WordDiff, Diff_InsertedAndDeletedWordsKeepTheirSpaces) {
    EXPECT_EQ(word_diff_marked_text(
                  word_diff("Call the customer back.", "Always call the customer back today.")),
              "[-Call-]{+Always call+} the customer back{+ today+}.");
    EXPECT_EQ(word_diff_marked_text(word_diff("Use the VPN at home.", "Use the VPN.")),
              "Use the VPN[- at home-].");
}

TEST(WordDiff, Diff_SpacesBetweenChangedWordsJoinTheChange) {
    const auto runs = word_diff("one two three four", "one six seven four");
    EXPECT_EQ(word_diff_marked_text(runs), "one [-two three-]{+six seven+} four");
    ASSERT_EQ(runs.size(), 4u);
}

TEST(WordDiff, Diff_WordsOfEveryScriptStayWhole) {
    // A changed Polish or Russian word is replaced whole, never split inside a letter.
    EXPECT_EQ(
        word_diff_marked_text(word_diff("Zwrot pieniędzy w 14 dni.", "Zwrot pieniędzy w 30 dni.")),
        "Zwrot pieniędzy w [-14-]{+30+} dni.");
    EXPECT_EQ(word_diff_marked_text(word_diff("Возврат денег клиенту", "Возврат средств клиенту")),
              "Возврат [-денег-]{+средств+} клиенту");
    EXPECT_EQ(word_diff_marked_text(word_diff("zażółć", "zażółw")), "[-zażółć-]{+zażółw+}");
}

TEST(WordDiff, Diff_PunctuationIsATokenOfItsOwn) {
    EXPECT_EQ(
        word_diff_marked_text(word_diff("Ask for the order number.", "Ask for the order number!")),
        "Ask for the order number[-.-]{+!+}");
    EXPECT_EQ(word_diff_marked_text(word_diff("a — b", "a – b")), "a [-—-]{+–+} b");
}

TEST(WordDiff, Diff_EveryRunRebuildsBothTexts) {
    expect_round_trip("", "New text.\n");
    expect_round_trip("Old text.\n", "");
    expect_round_trip("# VPN\n\nConnect before you open the CRM.\n\n- step one\n- step two\n",
                      "# VPN and MFA\n\nConnect the VPN before you open the CRM or mail.\n\n"
                      "- step one\n- step 1.5\n- step two\n");
    expect_round_trip("a b c d e f g h", "h g f e d c b a");
    expect_round_trip("x\xff y", "x\xfe y");  // ill-formed UTF-8 is carried, not lost
    expect_round_trip("\n\n\n", "\n \n");
}

TEST(WordDiff, Stats_CountWordsNotSpacesOrMarks) {
    const auto stats = word_diff_stats(word_diff("one two three.", "one four, five six."));
    EXPECT_EQ(stats.deleted_words, 2u);
    EXPECT_EQ(stats.inserted_words, 3u);
}

TEST(WordDiff, Limits_UnrelatedLargeTextsAreReplacedQuickly) {
    // Two unrelated texts of 30,000 words each: the edit budget turns the middle into one
    // replacement instead of an O(N*D) search.
    std::string a, b;
    for (int i = 0; i < 30000; ++i) {
        a += "w" + std::to_string(i) + " ";
        b += "v" + std::to_string(i) + " ";
    }
    std::vector<DiffRun> runs;
    const double seconds = lectern::test::thread_cpu_seconds_of([&] { runs = word_diff(a, b); });
    EXPECT_LT(seconds, 5.0);
    expect_round_trip(a.substr(0, 2000), b.substr(0, 2000));
    std::string old_text;
    for (const auto& r : runs)
        if (r.op != DiffOp::Insert) old_text += r.text;
    EXPECT_EQ(old_text, a);
}

TEST(WordDiff, Limits_ScatteredEditsInALongTextAreFoundExactly) {
    std::string a, b;
    for (int i = 0; i < 20000; ++i) {
        a += "word" + std::to_string(i) + " ";
        b += (i % 1000 == 7 ? "changed" : "word" + std::to_string(i)) + " ";
    }
    const auto stats = word_diff_stats(word_diff(a, b));
    EXPECT_EQ(stats.deleted_words, 20u);
    EXPECT_EQ(stats.inserted_words, 20u);
}
