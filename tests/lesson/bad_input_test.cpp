// Recordings that cannot be imported: a clear message saying what to do, and the space as
// it was.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "lesson/lesson_import.hpp"
#include "lesson/video_info.hpp"
#include "lesson_test_support.hpp"
#include "support/temp_space.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

class LessonBadInput : public ::testing::Test {
  protected:
    // Imports `video` and returns the error's text; fails when the import succeeds or
    // changes anything in the space.
    std::string import_error(const fs::path& video) {
        lesson::ImportOptions o;
        o.video = video;
        o.space_root = space_.root();
        o.slug = "broken";
        std::string message;
        try {
            lesson::import_lesson(o);
            ADD_FAILURE() << "imported " << video;
        } catch (const Error& e) {
            message = e.what();
        }
        EXPECT_FALSE(fs::exists(space_.root() / "lessons")) << "the space changed";
        EXPECT_FALSE(fs::exists(space_.root() / ".gitattributes")) << "the space changed";
        return message;
    }

    void write(const fs::path& p, const std::string& bytes) {
        std::ofstream(p, std::ios::binary) << bytes;
    }

    TempDir dir_;
    TempSpace space_;
};

MATCHER_P(Says, text, "") {
    return arg.find(text) != std::string::npos;
}

TEST_F(LessonBadInput, EmptyFileSaysTheRecordingWasNotSaved) {
    write(dir_.path() / "empty.mp4", "");
    EXPECT_THAT(import_error(dir_.path() / "empty.mp4"), Says("is empty (0 bytes)"));
}

TEST_F(LessonBadInput, MissingFileSaysSo) {
    EXPECT_THAT(import_error(dir_.path() / "nothing.mp4"), Says("does not exist"));
}

TEST_F(LessonBadInput, TextFileIsNotAVideo) {
    write(dir_.path() / "notes.mp4", "These are my notes, not a video.\n");
    EXPECT_THAT(import_error(dir_.path() / "notes.mp4"),
                ::testing::AllOf(Says("cannot be read as a video"), Says("ffmpeg -i notes.mp4")));
}

TEST_F(LessonBadInput, RandomBytesAreNotAVideo) {
    std::string noise(200000, '\0');
    unsigned x = 12345;
    for (char& c : noise) {
        x = x * 1103515245u + 12345u;
        c = static_cast<char>(x >> 16);
    }
    write(dir_.path() / "noise.mkv", noise);
    EXPECT_THAT(import_error(dir_.path() / "noise.mkv"), Says("cannot be read as a video"));
}

TEST_F(LessonBadInput, TruncatedMp4LosesItsIndex) {
    SlideVideo spec;
    spec.changes = {3};
    make_slide_video(dir_.path() / "full.mp4", spec);
    std::ifstream in(dir_.path() / "full.mp4", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    write(dir_.path() / "cut.mp4", bytes.substr(0, bytes.size() / 2));
    EXPECT_THAT(import_error(dir_.path() / "cut.mp4"), Says("damaged"));
}

TEST_F(LessonBadInput, TruncatedMatroskaEndsBeforeItsDeclaredLength) {
    SlideVideo spec;
    spec.changes = {3};
    make_slide_video(dir_.path() / "full.mkv", spec);
    std::ifstream in(dir_.path() / "full.mkv", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    write(dir_.path() / "cut.mkv", bytes.substr(0, bytes.size() * 2 / 5));
    EXPECT_THAT(import_error(dir_.path() / "cut.mkv"),
                ::testing::AnyOf(Says("truncated"), Says("damaged")));
}

TEST_F(LessonBadInput, AbsurdDimensionsAreRefusedBeforeDecoding) {
    // A raw YUV4MPEG stream whose header claims a frame 60000 pixels wide.
    write(dir_.path() / "huge.y4m", "YUV4MPEG2 W60000 H40000 F30:1 Ip A1:1 C420jpeg\nFRAME\nxxxx");
    EXPECT_THAT(
        import_error(dir_.path() / "huge.y4m"),
        ::testing::AnyOf(Says("no screen recording is"), Says("cannot be read as a video")));
}

TEST_F(LessonBadInput, CodecThisMachineCannotDecodeSaysHowToConvert) {
    // An MP4 whose sample description names a codec nobody has ("qqqq" for "avc1").
    SlideVideo spec;
    spec.audio = false;
    spec.duration = 2;
    make_slide_video(dir_.path() / "ok.mp4", spec);
    std::ifstream in(dir_.path() / "ok.mp4", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (auto p = bytes.find("avc1"); p != std::string::npos; p = bytes.find("avc1", p + 1))
        bytes.replace(p, 4, "qqqq");
    for (auto p = bytes.find("avcC"); p != std::string::npos; p = bytes.find("avcC", p + 1))
        bytes.replace(p, 4, "qqqC");
    write(dir_.path() / "odd.mp4", bytes);
    EXPECT_THAT(import_error(dir_.path() / "odd.mp4"),
                ::testing::AnyOf(Says("cannot be decoded on this machine"),
                                 Says("cannot be read as a video")));
}

}  // namespace
}  // namespace lectern::test
