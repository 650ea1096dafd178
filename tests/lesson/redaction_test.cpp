// lectern lesson redact: regions hidden in the video and every key frame, the rest of the
// picture and the audio kept, and lint refusing a redaction declared but not applied.

#include <gtest/gtest.h>

#include <fstream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "lesson/file_digest.hpp"
#include "lesson/lesson_document.hpp"
#include "lesson/lesson_import.hpp"
#include "lesson/lesson_redact.hpp"
#include "lesson/redaction.hpp"
#include "lesson_test_support.hpp"
#include "support/temp_space.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

double mean_difference(const cv::Mat& a, const cv::Mat& b) {
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    const cv::Scalar m = cv::mean(diff);
    return (m[0] + m[1] + m[2]) / 3;
}

// Everything but the rectangle grown by `margin` (the codec smears across block edges).
cv::Mat outside_mask(cv::Size size, cv::Rect r, int margin) {
    cv::Mat mask(size, CV_8U, cv::Scalar(255));
    cv::rectangle(mask,
                  cv::Rect(r.x - margin, r.y - margin, r.width + 2 * margin, r.height + 2 * margin),
                  cv::Scalar(0), cv::FILLED);
    return mask;
}

double mean_difference_outside(const cv::Mat& a, const cv::Mat& b,
                               const std::vector<cv::Rect>& rs) {
    cv::Mat diff, grey;
    cv::absdiff(a, b, diff);
    cv::cvtColor(diff, grey, cv::COLOR_BGR2GRAY);
    cv::Mat mask(a.size(), CV_8U, cv::Scalar(255));
    for (const auto& r : rs) cv::bitwise_and(mask, outside_mask(a.size(), r, 16), mask);
    return cv::mean(grey, mask)[0];
}

class LessonRedact : public ::testing::Test {
  protected:
    void SetUp() override {
        spec_.changes = {2.0, 5.0};
        spec_.duration = 6;
        original_ = videos_.path() / "recording.mp4";
        make_slide_video(original_, spec_);
        lesson::ImportOptions o;
        o.video = original_;
        o.space_root = space_.root();
        o.slug = "card-payment";
        o.owner = "anna.berg";
        lesson::import_lesson(o);
        md_ = space_.root() / "lessons/card-payment/lesson.md";
    }

    void declare_regions() {
        auto doc = lesson::read_lesson_document(md_);
        // The title bar (text and logo) all the time; the first page's name and fields
        // while it is shown.
        doc.fields["redact"] = {
            {{"box", {0, 0, 200, 28}}, {"note", "account name"}},
            {{"box", {0, 40, 200, 100}}, {"from", 2.5}, {"to", 4.5}, {"style", "blur"}}};
        std::ofstream(md_, std::ios::binary | std::ios::trunc) << lesson::to_markdown(doc);
    }

    lesson::RedactLessonReport redact() {
        lesson::RedactLessonOptions o;
        o.space_root = space_.root();
        o.slug = "card-payment";
        o.original = original_;
        return lesson::redact_lesson(o);
    }

    TempDir videos_;
    SlideVideo spec_;
    fs::path original_;
    TempSpace space_;
    fs::path md_;
};

TEST_F(LessonRedact, RegionsDifferInTheirTimeRangeTheRestMatchesAndTheAudioStays) {
    declare_regions();
    const auto report = redact();
    EXPECT_EQ(report.regions, 2u);
    EXPECT_TRUE(report.audio);
    const fs::path redacted = space_.root() / "lessons/card-payment/video.mp4";

    cv::VideoCapture a(original_.string(), cv::CAP_FFMPEG), b(redacted.string(), cv::CAP_FFMPEG);
    ASSERT_TRUE(a.isOpened() && b.isOpened());
    const cv::Rect title(0, 0, 200, 28), page(0, 40, 200, 100);
    cv::Mat fa, fb;
    int frames = 0, page_frames = 0;
    for (int i = 0; a.read(fa) && b.read(fb); ++i) {
        ++frames;
        const double t = i / 30.0;
        EXPECT_GT(mean_difference(fa(title), fb(title)), 6.0) << "frame " << i;
        const bool page_hidden = t >= 2.55 && t <= 4.45;
        const bool page_shown = t >= 4.6;
        if (page_hidden) {
            ++page_frames;
            EXPECT_GT(mean_difference(fa(page), fb(page)), 6.0) << "frame " << i;
        }
        if (page_shown) {
            EXPECT_LT(mean_difference(fa(page), fb(page)), 3.0) << "frame " << i;
        }
        std::vector<cv::Rect> hidden{title};
        if (t >= 2.4 && t <= 4.6) hidden.push_back(page);
        EXPECT_LT(mean_difference_outside(fa, fb, hidden), 3.0) << "frame " << i;
    }
    EXPECT_EQ(frames, 180);
    EXPECT_GT(page_frames, 50);

    // The audio track is there and lasts as long as the original's.
    const std::string audio = output_of(
        "ffprobe -v error -select_streams a -show_entries stream=codec_name,duration -of csv=p=0 "
        "'" +
        redacted.string() + "'");
    EXPECT_NE(audio.find("aac,"), std::string::npos) << audio;
    EXPECT_NEAR(std::stod(audio.substr(audio.find(',') + 1)), 6.0, 0.1) << audio;
}

// Only the rows the regions cross pass through Lectern (the rest goes from decoder to encoder
// untouched): regions at odd places sharing rows, one pixelated and one blurred, are each
// hidden, and nothing around them moves.
TEST_F(LessonRedact, RegionsAtOddPlacesSharingRowsAreEachHiddenAndTheRestKept) {
    auto doc = lesson::read_lesson_document(md_);
    // The logo and the name in the title bar, side by side.
    const cv::Rect left(7, 1, 51, 25), right(59, 5, 113, 19);
    doc.fields["redact"] = {
        {{"box", {left.x, left.y, left.width, left.height}}, {"style", "pixelate"}},
        {{"box", {right.x, right.y, right.width, right.height}}, {"style", "blur"}}};
    std::ofstream(md_, std::ios::binary | std::ios::trunc) << lesson::to_markdown(doc);
    redact();
    const fs::path redacted = space_.root() / "lessons/card-payment/video.mp4";
    cv::VideoCapture a(original_.string(), cv::CAP_FFMPEG), b(redacted.string(), cv::CAP_FFMPEG);
    ASSERT_TRUE(a.isOpened() && b.isOpened());
    cv::Mat fa, fb;
    int frames = 0;
    for (int i = 0; a.read(fa) && b.read(fb); ++i) {
        ++frames;
        EXPECT_GT(mean_difference(fa(left), fb(left)), 4.0) << "frame " << i;
        EXPECT_GT(mean_difference(fa(right), fb(right)), 4.0) << "frame " << i;
        EXPECT_LT(mean_difference_outside(fa, fb, {left, right}), 3.0) << "frame " << i;
    }
    EXPECT_EQ(frames, 180);
}

// The video alone, with no key frame asked for (what `lectern lesson redact` does when a
// lesson has no chapters): the region for the whole video, the frame count kept.
TEST_F(LessonRedact, VideoWithoutKeyFramesIsRedactedWhole) {
    lesson::RedactionRegion region;
    region.box = {0, 0, 200, 28};
    const fs::path out = videos_.path() / "redacted.mp4";
    const auto result =
        lesson::write_redacted_video(original_, {region}, out, {}, lesson::RedactOptions{});
    EXPECT_EQ(result.frames, 180);
    cv::VideoCapture a(original_.string(), cv::CAP_FFMPEG), b(out.string(), cv::CAP_FFMPEG);
    ASSERT_TRUE(a.isOpened() && b.isOpened());
    cv::Mat fa, fb;
    for (int i = 0; a.read(fa) && b.read(fb); ++i) {
        EXPECT_GT(mean_difference(fa(cv::Rect(0, 0, 200, 28)), fb(cv::Rect(0, 0, 200, 28))), 6.0)
            << "frame " << i;
    }
}

TEST_F(LessonRedact, EveryKeyFrameIsRedactedToo) {
    const auto before = lesson::read_lesson_document(md_).chapters();
    std::vector<cv::Mat> unredacted;
    for (const auto& ch : before)
        unredacted.push_back(cv::imread((md_.parent_path() / ch.frame).string()));
    declare_regions();
    const auto report = redact();
    const auto after = lesson::read_lesson_document(md_).chapters();
    ASSERT_EQ(after.size(), before.size());
    EXPECT_EQ(report.key_frames, after.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        const cv::Mat frame = cv::imread((md_.parent_path() / after[i].frame).string());
        ASSERT_FALSE(frame.empty());
        EXPECT_GT(
            mean_difference(frame(cv::Rect(0, 0, 200, 28)), unredacted[i](cv::Rect(0, 0, 200, 28))),
            6.0)
            << "key frame " << i;
        EXPECT_TRUE(fs::exists(md_.parent_path() / after[i].thumbnail));
    }
}

TEST_F(LessonRedact, LintRefusesRegionsDeclaredButNotApplied) {
    declare_regions();
    Diagnostics found = space_.lint();
    EXPECT_TRUE(
        has_diagnostic(found, "lesson-redaction-not-applied", "lessons/card-payment/lesson.md:"))
        << dump(found);
    redact();
    found = space_.lint();
    EXPECT_FALSE(found.has_errors()) << dump(found);
    // A region added afterwards is not applied either.
    auto doc = lesson::read_lesson_document(md_);
    doc.fields["redact"].push_back({{"box", {300, 300, 50, 20}}});
    std::ofstream(md_, std::ios::binary | std::ios::trunc) << lesson::to_markdown(doc);
    found = space_.lint();
    EXPECT_TRUE(
        has_diagnostic(found, "lesson-redaction-not-applied", "lessons/card-payment/lesson.md:"))
        << dump(found);
}

TEST_F(LessonRedact, TheUnredactedOriginalNeverEntersTheSpace) {
    declare_regions();
    redact();
    const std::string original_sha = lesson::file_sha256(original_);
    for (const auto& entry : fs::recursive_directory_iterator(space_.root())) {
        if (entry.is_regular_file()) {
            EXPECT_NE(lesson::file_sha256(entry.path()), original_sha) << entry.path();
        }
    }
    // Copying the original over the redacted video by hand is caught.
    fs::copy_file(original_, md_.parent_path() / "video.mp4", fs::copy_options::overwrite_existing);
    const Diagnostics found = space_.lint();
    EXPECT_TRUE(has_diagnostic(found, "lesson-video-changed", "lessons/card-payment/lesson.md:"))
        << dump(found);
}

TEST_F(LessonRedact, ReimportOfARedactedLessonWritesOnlyTheRedactedVideo) {
    declare_regions();
    redact();
    lesson::ImportOptions o;
    o.video = original_;
    o.space_root = space_.root();
    o.slug = "card-payment";
    const auto report = lesson::import_lesson(o);
    EXPECT_TRUE(report.redacted);
    EXPECT_NE(lesson::file_sha256(md_.parent_path() / "video.mp4"), lesson::file_sha256(original_));
    const Diagnostics found = space_.lint();
    EXPECT_FALSE(found.has_errors()) << dump(found);
}

TEST_F(LessonRedact, RedactingAgainNeedsTheOriginal) {
    declare_regions();
    redact();
    lesson::RedactLessonOptions o;
    o.space_root = space_.root();
    o.slug = "card-payment";
    try {
        lesson::redact_lesson(o);
        FAIL() << "redacted an already redacted video without the original";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("--original"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace lectern::test
