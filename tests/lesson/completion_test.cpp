// When a lesson counts as completed.

#include <gtest/gtest.h>

#include "lesson/completion.hpp"

namespace lectern::test {
namespace {

TEST(LessonCompletion, NinetyPercentWatchedCompletesReplaysCountOnce) {
    lesson::ViewingProgress p;
    p.duration = 100;
    p.step_count = 5;
    p.played = {{0, 50}, {10, 20}, {10, 20}, {40, 85}};
    EXPECT_NEAR(p.watched_share(), 0.85, 1e-9);
    EXPECT_FALSE(p.complete());
    p.played.push_back({84, 95});
    EXPECT_NEAR(p.watched_share(), 0.95, 1e-9);
    EXPECT_TRUE(p.complete());
    EXPECT_EQ(p.record_details()["completed_by"], "video");
    EXPECT_EQ(p.record_details()["watched_percent"], 95);
}

TEST(LessonCompletion, EveryStoryboardStepViewedCompletesWithoutPlaying) {
    lesson::ViewingProgress p;
    p.duration = 100;
    p.step_count = 3;
    p.steps_viewed = {0, 2};
    EXPECT_FALSE(p.complete());
    p.steps_viewed.insert(1);
    EXPECT_TRUE(p.complete());
    const auto details = p.record_details();
    EXPECT_EQ(details["completed_by"], "storyboard");
    EXPECT_EQ(details["steps_viewed"], 3);
    EXPECT_EQ(details["watched_percent"], 0);
    EXPECT_TRUE(details["duration_seconds"].is_number_integer());
}

TEST(LessonCompletion, PlaybackOutsideTheVideoDoesNotCount) {
    lesson::ViewingProgress p;
    p.duration = 60;
    p.played = {{-30, 10}, {55, 600}};
    EXPECT_NEAR(p.watched_share(), 15.0 / 60.0, 1e-9);
    lesson::ViewingProgress empty;
    EXPECT_FALSE(empty.complete());
}

}  // namespace
}  // namespace lectern::test
