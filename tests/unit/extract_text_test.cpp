#include <gtest/gtest.h>

#include "render/markdown.hpp"

using lectern::render::extract_text;

TEST(ExtractText, LeavesNoMarkup) {
    const std::string text = extract_text(
        "# Power cut\n\nIf the **lights** go out, call [the desk](id:helpdesk).\n\n"
        "- Save `work`\n- Tell the _supervisor_\n\n| Who | When |\n|---|---|\n| Ole | now |\n\n"
        "<b>raw html</b>\n\n```\ncode block\n```\n");
    EXPECT_EQ(text.find_first_of("*_#[]|`<>"), std::string::npos) << text;
    for (const char* word :
         {"Power cut", "lights", "the desk", "work", "supervisor", "Ole", "now", "code block"}) {
        EXPECT_NE(text.find(word), std::string::npos) << word << " missing from:\n" << text;
    }
    EXPECT_NE(text.find("raw html"), std::string::npos)
        << "words between dropped tags stay, as on screen";
    EXPECT_EQ(text.find("<b>"), std::string::npos);
}

TEST(ExtractText, BlocksAreSeparatedAndSoftBreaksJoined) {
    EXPECT_EQ(extract_text("One\ntwo\n\nThree"), "One two\nThree");
}

TEST(ExtractText, TableCellsDoNotRunTogether) {
    const std::string text = extract_text("| a | b |\n|---|---|\n| cell | next |\n");
    EXPECT_NE(text.find("cell next"), std::string::npos) << text;
}

TEST(ExtractText, KeepsEveryScript) {
    EXPECT_EQ(extract_text("**Zażółć** _gęślą_ Привет"), "Zażółć gęślą Привет");
}
