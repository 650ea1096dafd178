#include <gtest/gtest.h>

#include "render/script_flow.hpp"

using namespace lectern::render;

namespace {
const char* kScript =
    "Intro before any step.\n"
    "\n"
    "## Greet the customer\n"
    "Say: \"Thank you for calling.\"\n"
    "\n"
    "- [Gives the account number](#verify-identity)\n"
    "- [Cannot find it](#find-the-account)\n"
    "\n"
    "## Verify identity\n"
    "Ask for the postcode. See [GDPR](id:gdpr-customer-data).\n"
    "\n"
    "- [Matches](#help)\n"
    "\n"
    "### A note inside the step\n"
    "Not a step of its own.\n"
    "\n"
    "## Find the account\n"
    "Search by e-mail.\n"
    "\n"
    "- [Found](#verify-identity)\n"
    "\n"
    "## Help\n"
    "Solve the problem.\n";
}  // namespace

TEST(ScriptFlow, EachTopHeadingIsAStep) {
    const auto flow = parse_script_flow(kScript);
    ASSERT_EQ(flow.steps.size(), 4u);
    EXPECT_EQ(flow.steps[0].title, "Greet the customer");
    EXPECT_EQ(flow.steps[0].anchor, "greet-the-customer");
    EXPECT_EQ(flow.steps[0].line, 3);
    EXPECT_EQ(flow.steps[3].anchor, "help");
}

TEST(ScriptFlow, ListsOfStepLinksAreTheChoices) {
    const auto flow = parse_script_flow(kScript);
    ASSERT_EQ(flow.steps[0].choices.size(), 2u);
    EXPECT_EQ(flow.steps[0].choices[0].label, "Gives the account number");
    EXPECT_EQ(flow.steps[0].choices[0].target, "verify-identity");
    EXPECT_EQ(flow.steps[0].choices[1].line, 7);
    EXPECT_EQ(flow.steps[3].choices.size(), 0u) << "the last step ends the call";
}

TEST(ScriptFlow, StepBodyLeavesOutHeadingAndChoices) {
    const auto flow = parse_script_flow(kScript);
    EXPECT_EQ(flow.steps[0].body_markdown, "Say: \"Thank you for calling.\"");
    EXPECT_NE(flow.steps[1].body_markdown.find("### A note inside the step"), std::string::npos);
    EXPECT_EQ(flow.steps[1].body_markdown.find("(#help)"), std::string::npos);
}

TEST(ScriptFlow, AListMixingProseAndLinksIsNotAChoiceList) {
    const auto flow = parse_script_flow("## One\n- [Two](#two)\n- say goodbye\n\n## Two\nEnd.\n");
    EXPECT_TRUE(flow.steps[0].choices.empty());
}

TEST(ScriptFlow, FindLooksUpByAnchor) {
    const auto flow = parse_script_flow(kScript);
    ASSERT_NE(flow.find("find-the-account"), nullptr);
    EXPECT_EQ(flow.find("find-the-account")->title, "Find the account");
    EXPECT_EQ(flow.find("nope"), nullptr);
}

TEST(ScriptFlow, NonAsciiStepTitlesGetUsableAnchors) {
    const auto flow = parse_script_flow(
        "## Powitanie\n- [Klient podaje numer](#weryfikacja-tożsamości)\n\n"
        "## Weryfikacja tożsamości\nOK.\n");
    ASSERT_EQ(flow.steps.size(), 2u);
    EXPECT_EQ(flow.steps[1].anchor, "weryfikacja-tożsamości");
    EXPECT_EQ(flow.steps[0].choices[0].target, "weryfikacja-tożsamości");
}
