// lectern lesson import, as core does it: the lesson folder, its front matter, re-import.

#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "content/lint.hpp"
#include "content/space.hpp"
#include "lesson/caption_merge.hpp"
#include "lesson/file_digest.hpp"
#include "lesson/lesson_document.hpp"
#include "lesson/lesson_import.hpp"
#include "lesson_test_support.hpp"
#include "support/temp_space.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

lesson::ImportOptions import_options(const TempSpace& space, const fs::path& video) {
    lesson::ImportOptions o;
    o.video = video;
    o.space_root = space.root();
    o.slug = "refund-in-crm";
    o.owner = "anna.berg";
    o.today = "2026-11-20";
    return o;
}

class LessonImport : public ::testing::Test {
  protected:
    void SetUp() override {
        spec_.changes = {2.0, 5.0, 7.5};
        make_slide_video(videos_.path() / "recording.mp4", spec_);
    }
    TempDir videos_;
    SlideVideo spec_;
    TempSpace space_;
};

TEST_F(LessonImport, WritesVideoKeyFramesAndALessonThatLintsClean) {
    const auto report =
        lesson::import_lesson(import_options(space_, videos_.path() / "recording.mp4"));
    EXPECT_TRUE(report.created);
    EXPECT_EQ(report.steps, 4u);
    const fs::path folder = space_.root() / "lessons/refund-in-crm";
    ASSERT_TRUE(fs::exists(folder / "video.mp4"));
    EXPECT_EQ(lesson::file_sha256(folder / "video.mp4"),
              lesson::file_sha256(videos_.path() / "recording.mp4"));
    const auto doc = lesson::read_lesson_document(folder / "lesson.md");
    EXPECT_EQ(doc.fields["id"], "refund-in-crm");
    EXPECT_EQ(doc.fields["video"], "video.mp4");
    EXPECT_EQ(doc.fields["video_sha256"], lesson::file_sha256(folder / "video.mp4"));
    EXPECT_NEAR(doc.fields["duration"].get<double>(), 10, 0.1);
    const auto chapters = doc.chapters();
    ASSERT_EQ(chapters.size(), 4u);
    for (const auto& ch : chapters) {
        EXPECT_TRUE(fs::exists(folder / ch.frame)) << ch.frame;
        EXPECT_TRUE(fs::exists(folder / ch.thumbnail)) << ch.thumbnail;
        ASSERT_TRUE(ch.box.has_value());
    }
    EXPECT_NEAR(chapters[2].at, 5.0, 0.5);
    // The videos of lessons are Git LFS objects when committed.
    EXPECT_NE(read_text(space_.root() / ".gitattributes")
                  .find("lessons/*/video.* filter=lfs diff=lfs merge=lfs -text"),
              std::string::npos);
    const Diagnostics found = space_.lint();
    EXPECT_FALSE(found.has_errors()) << dump(found);
    Diagnostics load;
    const auto space = content::Space::load(space_.root(), load);
    const content::Document* doc_in_space = space.find_by_id("refund-in-crm");
    ASSERT_NE(doc_in_space, nullptr) << dump(load);
    EXPECT_EQ(doc_in_space->type, content::DocumentType::Lesson);
}

TEST_F(LessonImport, ReimportKeepsTheTrainersCaptionsAndEverythingElse) {
    auto options = import_options(space_, videos_.path() / "recording.mp4");
    lesson::import_lesson(options);
    const fs::path md = space_.root() / "lessons/refund-in-crm/lesson.md";
    auto doc = lesson::read_lesson_document(md);
    auto chapters = doc.chapters();
    ASSERT_EQ(chapters.size(), 4u);
    chapters[1].title = "Open the customer's record";
    chapters[3].title = "Submit the refund: \"Confirm\"";
    doc.set_chapters(chapters);
    doc.fields["title"] = "Refunds in the CRM";
    doc.fields["objectives"] = {"Find the order", "Refund it"};
    doc.body = "\n[0:02] Click the customer's name.\n";
    std::ofstream(md, std::ios::binary | std::ios::trunc) << lesson::to_markdown(doc);
    fs::create_directories(md.parent_path() / "images");
    std::ofstream(md.parent_path() / "images/note.png") << "png";

    // The trainer recorded it again: the same steps, a little later, and one more.
    TempDir again;
    SlideVideo spec = spec_;
    spec.changes = {2.3, 5.2, 6.5, 7.8};
    make_slide_video(again.path() / "take2.mp4", spec);
    options.video = again.path() / "take2.mp4";
    const auto report = lesson::import_lesson(options);
    EXPECT_FALSE(report.created);
    EXPECT_EQ(report.captions_kept, 2u);
    const auto after = lesson::read_lesson_document(md);
    const auto new_chapters = after.chapters();
    ASSERT_EQ(new_chapters.size(), 5u);
    EXPECT_EQ(new_chapters[1].title, "Open the customer's record");
    EXPECT_EQ(new_chapters[3].title, lesson::default_caption(3));
    EXPECT_EQ(new_chapters[4].title, "Submit the refund: \"Confirm\"");
    EXPECT_EQ(after.fields["title"], "Refunds in the CRM");
    EXPECT_EQ(after.fields["objectives"].size(), 2u);
    EXPECT_EQ(after.body, "\n[0:02] Click the customer's name.\n");
    EXPECT_TRUE(fs::exists(md.parent_path() / "images/note.png")) << "the trainer's files stay";
    const Diagnostics found = space_.lint();
    EXPECT_FALSE(found.has_errors()) << dump(found);
}

TEST(LessonCaptions, MatchByNearestTimeAndReportCaptionsThatLostTheirStep) {
    std::vector<lesson::DetectedStep> steps(3);
    steps[0].at = 0;
    steps[1].at = 4.1;
    steps[2].at = 4.6;
    std::vector<lesson::Chapter> old(3);
    old[0] = {0, "Start", "", "", std::nullopt, 0};
    old[1] = {4.5, "Second", "", "", std::nullopt, 4.5};
    old[2] = {9.0, "Gone", "", "", std::nullopt, 9};
    const auto merged = lesson::merge_captions(steps, old);
    EXPECT_EQ(merged.chapters[1].title, "Step 2");
    EXPECT_EQ(merged.chapters[2].title, "Second");  // 0.1 s away beats 0.4 s
    ASSERT_EQ(merged.dropped.size(), 1u);
    EXPECT_EQ(merged.dropped[0], "0:09 Gone");
}

TEST_F(LessonImport, RefusesARecordingInsideTheSpace) {
    fs::copy_file(videos_.path() / "recording.mp4", space_.root() / "recording.mp4");
    auto options = import_options(space_, space_.root() / "recording.mp4");
    try {
        lesson::import_lesson(options);
        FAIL() << "import took a recording from inside the space";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("inside the content space"), std::string::npos);
    }
    EXPECT_FALSE(fs::exists(space_.root() / "lessons"));
}

TEST_F(LessonImport, CancelLeavesTheSpaceAsItWas) {
    lesson::CancelToken token;
    token.cancel();
    lesson::Progress progress;
    progress.cancel = &token;
    const auto report =
        lesson::import_lesson(import_options(space_, videos_.path() / "recording.mp4"), progress);
    EXPECT_TRUE(report.cancelled);
    EXPECT_FALSE(fs::exists(space_.root() / "lessons"));
    EXPECT_FALSE(fs::exists(space_.root() / ".gitattributes"));
}

TEST(LessonDocument, FrontMatterRoundTripsThroughTheWriter) {
    lesson::LessonDocument doc;
    doc.fields = {{"id", "x"},          {"type", "lesson"},  {"title", "Yes: no # maybe"},
                  {"lang", "en"},       {"owner", "true"},   {"updated", "2026-01-02"},
                  {"summary", "12:30"}, {"tags", {"a", "b"}}};
    doc.set_chapters(
        {{1.234, "null", "frames/a.jpg", "frames/a.thumb.jpg", lesson::Box{1, 2, 3, 4}, 2}});
    doc.body = "Body\n";
    TempDir dir;
    std::ofstream(dir.path() / "lesson.md") << lesson::to_markdown(doc);
    const auto back = lesson::read_lesson_document(dir.path() / "lesson.md");
    EXPECT_EQ(back.fields["title"], "Yes: no # maybe");
    EXPECT_EQ(back.fields["owner"], "true");
    EXPECT_EQ(back.fields["summary"], "12:30");
    EXPECT_EQ(back.fields["updated"], "2026-01-02");
    EXPECT_EQ(back.fields["tags"], nlohmann::json({"a", "b"}));
    const auto chapters = back.chapters();
    ASSERT_EQ(chapters.size(), 1u);
    EXPECT_EQ(chapters[0].title, "null");
    EXPECT_DOUBLE_EQ(chapters[0].at, 1.23);
    EXPECT_EQ(*chapters[0].box, (lesson::Box{1, 2, 3, 4}));
    EXPECT_EQ(back.body, "Body\n");
}

}  // namespace
}  // namespace lectern::test
