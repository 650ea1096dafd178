// Step detection on recordings made by ffmpeg with changes planted at known times.

#include <gtest/gtest.h>

#include <atomic>

#include "lesson/step_detection.hpp"
#include "lesson_test_support.hpp"

namespace lectern::test {
namespace {

using lesson::detect_steps;
using lesson::DetectOptions;

TEST(LessonSteps, FindsPlantedPageChangesDespiteMovingCursorAndBlinkingCaret) {
    TempDir dir;
    SlideVideo spec;
    spec.changes = {1.5, 3.2, 5.0, 6.4, 8.3};
    spec.spinner = true;
    make_slide_video(dir.path() / "pages.mp4", spec);
    const auto result = detect_steps(dir.path() / "pages.mp4", DetectOptions{});
    const Score score = score_steps(result.steps, spec.changes);
    EXPECT_GE(score.precision, 0.9) << score.detail;
    EXPECT_GE(score.recall, 0.9) << score.detail;
    ASSERT_FALSE(result.steps.empty());
    EXPECT_EQ(result.steps.front().at, 0) << "the opening screen is the first step";
    EXPECT_NEAR(result.info.duration, 10, 0.1);
    EXPECT_EQ(result.info.width, 640);
}

TEST(LessonSteps, CursorCaretAndSpinnerAloneMakeNoStep) {
    TempDir dir;
    SlideVideo spec;
    spec.spinner = true;
    make_slide_video(dir.path() / "idle.mp4", spec);
    const auto result = detect_steps(dir.path() / "idle.mp4", DetectOptions{});
    ASSERT_EQ(result.steps.size(), 1u) << score_steps(result.steps, {}).detail;
    EXPECT_EQ(result.steps[0].at, 0);
}

TEST(LessonSteps, EachStepHasSettledKeyFrameThumbnailAndTheChangedBox) {
    TempDir dir;
    SlideVideo spec;
    spec.changes = {2.0, 5.0};
    spec.cursor = false;
    make_slide_video(dir.path() / "two.mp4", spec);
    lesson::DetectOptions options;
    options.thumbnail_width = 160;
    const auto result = detect_steps(dir.path() / "two.mp4", options);
    ASSERT_EQ(result.steps.size(), 3u) << score_steps(result.steps, spec.changes).detail;
    for (std::size_t i = 0; i < result.steps.size(); ++i) {
        const auto& step = result.steps[i];
        ASSERT_GT(step.frame_jpeg.size(), 100u);
        ASSERT_GT(step.thumbnail_jpeg.size(), 100u);
        EXPECT_EQ(step.frame_jpeg[0], 0xFF);  // JPEG's start-of-image marker
        EXPECT_EQ(step.frame_jpeg[1], 0xD8);
        EXPECT_LT(step.thumbnail_jpeg.size(), step.frame_jpeg.size());
        if (i > 0) {
            EXPECT_GT(step.frame_at, step.at) << "the key frame is taken once settled";
        }
    }
    // The first page is a panel 55% x 60% of the screen at (0, 40): the box holds it and
    // not the whole screen.
    const lesson::Box box = result.steps[1].box;
    EXPECT_LE(box.x, 4);
    EXPECT_LE(box.y, 44);
    EXPECT_GE(box.x + box.width, 640 * 55 / 100 - 4);
    EXPECT_LT(box.width * box.height, 640 * 360 * 3 / 4);
}

TEST(LessonSteps, SensitivitySetsTheSmallestChangeThatMakesAStep) {
    EXPECT_NEAR(lesson::min_change_fraction(0.5), 0.01, 1e-9);
    EXPECT_NEAR(lesson::min_change_fraction(0), 0.1, 1e-9);
    EXPECT_NEAR(lesson::min_change_fraction(1), 0.001, 1e-9);
    TempDir dir;
    SlideVideo spec;
    spec.changes = {3.0, 6.0};
    spec.page_size = 0.15;  // a panel of about 2% of the screen: a toast, a small form
    make_slide_video(dir.path() / "small.mp4", spec);
    const auto at_default = detect_steps(dir.path() / "small.mp4", DetectOptions{});
    const Score score = score_steps(at_default.steps, spec.changes);
    EXPECT_EQ(score.recall, 1.0) << score.detail;
    EXPECT_EQ(score.precision, 1.0) << score.detail;
    DetectOptions coarse;
    coarse.sensitivity = 0;  // only changes of 10% of the screen or more
    const auto at_zero = detect_steps(dir.path() / "small.mp4", coarse);
    EXPECT_EQ(at_zero.steps.size(), 1u) << score_steps(at_zero.steps, spec.changes).detail;
}

TEST(LessonSteps, ReportsProgressAndStopsWhenCancelled) {
    TempDir dir;
    SlideVideo spec;
    spec.changes = {2.0};
    make_slide_video(dir.path() / "p.mp4", spec);
    lesson::CancelToken token;
    lesson::Progress progress;
    progress.cancel = &token;
    std::atomic<int> reports{0};
    double last_done = 0;
    progress.report = [&](const lesson::ProgressStep& s) {
        EXPECT_EQ(s.phase, "analysing");
        last_done = s.done;
        ++reports;
    };
    const auto full = detect_steps(dir.path() / "p.mp4", DetectOptions{}, progress);
    EXPECT_FALSE(full.cancelled);
    EXPECT_GE(reports.load(), 1);
    EXPECT_NEAR(last_done, full.info.duration, 0.01);

    progress.report = [&](const lesson::ProgressStep&) { token.cancel(); };
    token.cancel();
    const auto cancelled = detect_steps(dir.path() / "p.mp4", DetectOptions{}, progress);
    EXPECT_TRUE(cancelled.cancelled);
    EXPECT_LT(cancelled.frames_decoded, full.frames_decoded);
}

}  // namespace
}  // namespace lectern::test
