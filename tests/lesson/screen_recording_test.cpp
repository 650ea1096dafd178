// Step detection on a real screen recording: ffmpeg's x11grab records a real X11 window on
// Xvfb while its content changes, its pointer moves and its caret blinks.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include <opencv2/videoio.hpp>

#include "lesson/step_detection.hpp"
#include "lesson_test_support.hpp"

namespace lectern::test {
namespace {

namespace fs = std::filesystem;

// The page colours of the test window (test_window_app.cpp), as BGR.
const cv::Vec3b kMarkers[] = {{0xa0, 0x40, 0x20}, {0x30, 0x30, 0xc0}, {0x40, 0xa0, 0x30},
                              {0xa0, 0x30, 0xa0}, {0x20, 0x90, 0xd0}, {0x80, 0x80, 0x20}};

int page_of(const cv::Vec3b& pixel) {
    for (int i = 0; i < static_cast<int>(std::size(kMarkers)); ++i) {
        int d = 0;
        for (int c = 0; c < 3; ++c) d += std::abs(int(pixel[c]) - int(kMarkers[i][c]));
        if (d < 60) return i;
    }
    return -1;
}

// When each page appeared in the recording, read from the window's corner marker: the
// truth the detector is scored against, found without it.
std::vector<double> page_changes(const fs::path& video) {
    cv::VideoCapture capture(video.string(), cv::CAP_FFMPEG);
    std::vector<double> changes;
    cv::Mat frame;
    int page = -1;
    for (int i = 0; capture.read(frame); ++i) {
        const int now = page_of(frame.at<cv::Vec3b>(frame.rows - 6, 6));
        if (now > page) {
            if (page >= 0) changes.push_back(capture.get(cv::CAP_PROP_POS_MSEC) / 1000.0);
            page = now;
        }
    }
    return changes;
}

TEST(LessonScreenRecording, FindsTheChangesOfARealWindowRecordedWithX11grab) {
    if (run("command -v Xvfb >/dev/null") != 0) GTEST_SKIP() << "Xvfb is not installed";
    TempDir dir;
    const fs::path video = dir.path() / "screen.mp4";
    const fs::path log = dir.path() / "recording.log";
    // Xvfb picks a free display itself (-displayfd): GUI tests running at the same time
    // cannot take the same one, as they can with xvfb-run -a.
    const std::string d = dir.path().string();
    const std::string command =
        "cd \"" + d +
        "\" && { Xvfb -displayfd 3 -screen 0 640x360x24 -nolisten tcp "
        "3>display 2>>recording.log & xvfb=$!; "
        "for i in $(seq 100); do [ -s display ] && break; sleep 0.1; done; "
        "export DISPLAY=:$(cat display); "
        "\"" LECTERN_LESSON_TEST_WINDOW
        "\" 9.5 1.6 3.2 4.8 6.3 7.6 & app=$!; sleep 0.5; "
        "ffmpeg -hide_banner -loglevel error -y -f x11grab -draw_mouse 1 -video_size 640x360 "
        "-framerate 15 -i \"$DISPLAY+0,0\" -t 8.5 -c:v libx264 -preset ultrafast "
        "-pix_fmt yuv420p screen.mp4; status=$?; wait $app; kill $xvfb; exit $status; "
        "} >>recording.log 2>&1";
    ASSERT_EQ(run(command), 0) << command << "\n" << output_of("cat '" + log.string() + "'");

    const std::vector<double> truth = page_changes(video);
    ASSERT_GE(truth.size(), 4u) << "the recording missed the window's pages";
    const auto result = lesson::detect_steps(video, lesson::DetectOptions{});
    const Score score = score_steps(result.steps, truth);
    EXPECT_GE(score.precision, 0.9) << score.detail;
    EXPECT_GE(score.recall, 0.9) << score.detail;
}

}  // namespace
}  // namespace lectern::test
