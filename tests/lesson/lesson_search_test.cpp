// Search in lessons: captions and transcript are indexed, and a hit says which step.

#include <gtest/gtest.h>

#include "lesson_test_support.hpp"
#include "search/space_index.hpp"
#include "support/temp_space.hpp"

namespace lectern::test {
namespace {

constexpr const char* kLesson = R"(---
id: refund-in-crm
type: lesson
title: Refunds in the CRM
lang: en
owner: anna.berg
updated: 2026-11-20
duration: 60
chapters:
  - at: 0
    title: Start
  - at: 12.5
    title: Open the customer's record
  - at: 30
    title: Fill in the chargeback form
  - at: 45
    title: Confirm
---
This lesson shows the whole procedure.

[0:13] Type the account number into the search box at the top.

[0:47] Press the green button and read the confirmation number to the caller.
)";

class LessonSearch : public ::testing::Test {
  protected:
    void SetUp() override {
        space_.write("lessons/refund-in-crm/lesson.md", kLesson);
        config_.space_root = space_.root();
        config_.index_dir = index_.path() / "index";
        search::update_index(config_);
    }

    search::SearchHit first_hit(const std::string& query) {
        search::SpaceIndex index(config_);
        search::SearchRequest request;
        request.query = query;
        const auto results = index.search(request);
        EXPECT_FALSE(results.hits.empty()) << query;
        return results.hits.empty() ? search::SearchHit{} : results.hits.front();
    }

    TempSpace space_;
    TempDir index_;
    search::IndexConfig config_;
};

TEST_F(LessonSearch, CaptionHitSaysWhichStep) {
    const auto hit = first_hit("chargeback");
    EXPECT_EQ(hit.id, "refund-in-crm");
    EXPECT_EQ(hit.step, 2);
    EXPECT_DOUBLE_EQ(hit.step_at, 30);
    EXPECT_EQ(hit.step_title, "Fill in the chargeback form");
}

TEST_F(LessonSearch, TranscriptHitSaysTheStepShownAtItsTime) {
    const auto account = first_hit("account number");
    EXPECT_EQ(account.step, 1) << "[0:13] falls in the step that starts at 12.5 s";
    const auto caller = first_hit("confirmation caller");
    EXPECT_EQ(caller.step, 3);
    EXPECT_EQ(caller.step_title, "Confirm");
}

TEST_F(LessonSearch, HitOutsideAnyStepHasNone) {
    const auto hit = first_hit("whole procedure");
    EXPECT_EQ(hit.id, "refund-in-crm");
    EXPECT_EQ(hit.step, -1);
}

}  // namespace
}  // namespace lectern::test
