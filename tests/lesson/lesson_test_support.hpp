#pragma once
// Videos made by the tests with ffmpeg, and a temporary folder to keep them outside the
// content space.

#include <filesystem>
#include <string>
#include <vector>

#include "lesson/step_detection.hpp"

namespace lectern::test {

/// A fresh temporary folder, removed afterwards.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const noexcept { return path_; }

  private:
    std::filesystem::path path_;
};

/// A screen recording made up of "pages" of an application that replace each other at
/// known times, with what makes step detection hard drawn over them.
struct SlideVideo {
    double duration = 10;
    int width = 640;
    int height = 360;
    int fps = 30;
    std::vector<double> changes;  ///< times a new page appears
    bool cursor = true;           ///< a mouse pointer that never stops moving
    bool caret = true;            ///< a caret blinking twice a second in a text field
    bool spinner = false;         ///< a small busy indicator that animates all the time
    bool audio = true;            ///< a sine tone as the audio track
    double page_size = 0.55;      ///< each page's width and height as a part of the screen's
};

/// Makes the video with ffmpeg (testsrc2 for the page header's picture, drawtext for the
/// pages); fails the test when ffmpeg does.
void make_slide_video(const std::filesystem::path& out, const SlideVideo& spec);

/// Runs a shell command; returns its exit status.
int run(const std::string& command);
/// Runs a command and returns what it printed.
std::string output_of(const std::string& command);

struct Score {
    double precision = 0;
    double recall = 0;
    std::string detail;  ///< the times, for failure messages
};

/// Detected steps (the opening screen at 0 left out) against the planted change times, each
/// matched at most once within `tolerance` seconds.
Score score_steps(const std::vector<lesson::DetectedStep>& steps,
                  const std::vector<double>& planted, double tolerance = 0.5);

}  // namespace lectern::test
