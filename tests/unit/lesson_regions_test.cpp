// Regions drawn in the app and saved into lesson.md: a round trip through the front matter
// that keeps every other field and the body, boxes that do not fit the video refused, and
// lint then reporting the regions as not applied yet.

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "common/error.hpp"
#include "lesson/lesson_document.hpp"
#include "lesson/region_editing.hpp"
#include "support/temp_space.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

const char* const kLesson =
    "---\n"
    "id: refund-in-crm\n"
    "type: lesson\n"
    "title: \"Refund: in the CRM\"\n"
    "lang: en\n"
    "owner: kadri.tamm\n"
    "updated: 2026-03-02\n"
    "tags: [billing, crm]\n"
    "summary: How a refund is made.\n"
    "objectives: [Find the account, Refund the payment]\n"
    "video: video.mp4\n"
    "duration: 9.07\n"
    "width: 640\n"
    "height: 360\n"
    "chapters:\n"
    "  - at: 0\n"
    "    title: Open the account\n"
    "    frame_at: 0.4\n"
    "  - at: 3.2\n"
    "    title: The refund form\n"
    "    box: [60, 60, 420, 240]\n"
    "    frame_at: 3.6\n"
    "---\n"
    "[0:00] Open the customer's account.\n"
    "\n"
    "[0:04] The refund form opens: check the amount.\n";

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

lesson::RedactionRegion region(lesson::Box box, double from, double to,
                               lesson::RedactStyle style = lesson::RedactStyle::Pixelate,
                               std::string note = {}) {
    lesson::RedactionRegion r;
    r.box = box;
    r.from = from;
    r.to = to;
    r.style = style;
    r.note = std::move(note);
    return r;
}

class LessonRegions : public ::testing::Test {
  protected:
    void SetUp() override { space_.write("lessons/refund-in-crm/lesson.md", kLesson); }
    fs::path lesson_md() const { return space_.root() / "lessons/refund-in-crm/lesson.md"; }
    TempSpace space_;
};

TEST_F(LessonRegions, SavedRegionsRoundTripKeepingEveryOtherFieldAndTheBody) {
    const auto before = lesson::read_lesson_document(lesson_md());
    lesson::save_regions(
        lesson_md(),
        {region({40, 120, 300, 24}, 3.2, -1, lesson::RedactStyle::Pixelate, "card number: 4111"),
         region({0, 0, 640, 30}, 1.234, 6.5, lesson::RedactStyle::Blur)});

    const auto after = lesson::read_lesson_document(lesson_md());
    const auto regions = after.regions();
    ASSERT_EQ(regions.size(), 2u);
    EXPECT_EQ(regions[0].box, (lesson::Box{40, 120, 300, 24}));
    EXPECT_DOUBLE_EQ(regions[0].from, 3.2);
    EXPECT_LT(regions[0].to, 0) << "until the end: no `to`";
    EXPECT_EQ(regions[0].style, lesson::RedactStyle::Pixelate);
    EXPECT_EQ(regions[0].note, "card number: 4111");
    EXPECT_EQ(regions[1].box, (lesson::Box{0, 0, 640, 30}));
    EXPECT_DOUBLE_EQ(regions[1].from, 1.23);
    EXPECT_DOUBLE_EQ(regions[1].to, 6.5);
    EXPECT_EQ(regions[1].style, lesson::RedactStyle::Blur);

    EXPECT_EQ(after.body, before.body);
    nlohmann::json others = after.fields;
    others.erase("redact");
    EXPECT_EQ(others, before.fields);
    EXPECT_FALSE(after.fields.contains("redaction_applied"));
}

TEST_F(LessonRegions, SavingNoRegionsRemovesTheListAndSavingAgainIsStable) {
    lesson::save_regions(lesson_md(), {region({10, 10, 50, 50}, 0, 2)});
    const std::string once = read_text(lesson_md());
    lesson::save_regions(lesson_md(), lesson::read_lesson_document(lesson_md()).regions());
    EXPECT_EQ(read_text(lesson_md()), once);
    lesson::save_regions(lesson_md(), {});
    EXPECT_FALSE(lesson::read_lesson_document(lesson_md()).fields.contains("redact"));
}

TEST_F(LessonRegions, ABoxOutsideTheFrameIsRefusedWithWhichAndWhyAndNothingIsWritten) {
    const std::string original = read_text(lesson_md());
    try {
        lesson::save_regions(lesson_md(),
                             {region({10, 10, 50, 50}, 0, -1), region({600, 300, 80, 20}, 0, -1)});
        FAIL() << "a box reaching past the right edge was saved";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
        const std::string message = e.what();
        EXPECT_NE(message.find("redaction region 2"), std::string::npos) << message;
        EXPECT_NE(message.find("outside the 640x360 picture"), std::string::npos) << message;
        EXPECT_NE(message.find("lesson.md"), std::string::npos) << message;
    }
    EXPECT_THROW(lesson::save_regions(lesson_md(), {region({-1, 0, 10, 10}, 0, -1)}), Error);
    EXPECT_THROW(lesson::save_regions(lesson_md(), {region({0, 0, 0, 10}, 0, -1)}), Error);
    EXPECT_THROW(lesson::save_regions(lesson_md(), {region({0, 0, 10, 10}, 5, 4)}), Error);
    EXPECT_THROW(lesson::save_regions(lesson_md(), {region({0, 0, 10, 10}, 20, -1)}), Error);
    EXPECT_EQ(read_text(lesson_md()), original);
}

TEST_F(LessonRegions, TheFileIsReplacedWholeWithItsPermissionsAndNoTemporaryLeft) {
    ASSERT_EQ(::chmod(lesson_md().c_str(), 0640), 0);
    struct stat before {};
    ASSERT_EQ(::stat(lesson_md().c_str(), &before), 0);
    lesson::save_regions(lesson_md(), {region({10, 10, 50, 50}, 0, -1)});
    struct stat after {};
    ASSERT_EQ(::stat(lesson_md().c_str(), &after), 0);
    EXPECT_NE(after.st_ino, before.st_ino) << "renamed over, not rewritten in place";
    EXPECT_EQ(after.st_mode & 07777, 0640u);
    for (const auto& entry : fs::directory_iterator(lesson_md().parent_path()))
        EXPECT_EQ(entry.path().filename(), "lesson.md") << "left behind: " << entry.path();
}

TEST_F(LessonRegions, LintReportsSavedRegionsAsNotAppliedYet) {
    lesson::save_regions(lesson_md(), {region({40, 120, 300, 24}, 3.2, -1)});
    const Diagnostics found = space_.lint();
    EXPECT_TRUE(
        has_diagnostic(found, "lesson-redaction-not-applied", "lessons/refund-in-crm/lesson.md:"))
        << dump(found);
    // Nothing else but the video the fixture does not have: the saved list fits the schema.
    for (const auto& d : found.items()) {
        EXPECT_TRUE(d.code == "lesson-redaction-not-applied" || d.code == "lesson-video-missing")
            << dump(found);
    }
}

TEST_F(LessonRegions, EditableInAFolderOfOneOwnNotInASyncedCopy) {
    EXPECT_EQ(lesson::region_editing(space_.root(), lesson_md()), lesson::RegionEditing::Allowed);
    EXPECT_EQ(lesson::region_editing(space_.root(), space_.root() / "lessons/none/lesson.md"),
              lesson::RegionEditing::NotALesson);
    // The same lesson where sync keeps a server's space.
    const fs::path data = space_.root() / "data";
    ASSERT_EQ(::setenv("XDG_DATA_HOME", data.c_str(), 1), 0);
    const fs::path synced = data / "lectern/spaces/northwind/content";
    fs::create_directories(synced / "lessons/refund-in-crm");
    fs::copy_file(lesson_md(), synced / "lessons/refund-in-crm/lesson.md");
    EXPECT_EQ(lesson::region_editing(synced, synced / "lessons/refund-in-crm/lesson.md"),
              lesson::RegionEditing::SyncedCopy);
}

TEST(LessonRegionCommand, NamesTheLessonAndQuotesASpaceFolderWithBlanks) {
    EXPECT_EQ(lesson::redact_command("/home/kadri/content", "refund-in-crm"),
              "lectern lesson redact lessons/refund-in-crm --original RECORDING --space "
              "/home/kadri/content");
    EXPECT_EQ(lesson::redact_command("/home/kadri/my content", "refund"),
              "lectern lesson redact lessons/refund --original RECORDING --space "
              "'/home/kadri/my content'");
}

}  // namespace
}  // namespace lectern::test
