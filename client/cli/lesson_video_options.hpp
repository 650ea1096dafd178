#pragma once
// The options of `lectern lesson import`, `redact` and `steps`: the video work. They are
// declared the same way in `lectern` and in `lectern-video`, the program that does the work
// (it carries OpenCV and the video stack, which every other command would otherwise load), so
// that `lectern` checks the options and prints the help, then hands the command over.

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "lesson/step_detection.hpp"

namespace lectern::cli {

struct ImportArgs {
    std::string video, into, space, title, owner, lang;
    double sensitivity = lesson::DetectOptions{}.sensitivity;
    double analysis_fps = lesson::DetectOptions{}.analysis_fps;
};

struct RedactArgs {
    std::string lesson, space, original;
};

struct StepsArgs {
    std::string video;
    double sensitivity = lesson::DetectOptions{}.sensitivity;
    double analysis_fps = lesson::DetectOptions{}.analysis_fps;
    bool json = false;
};

/// What each video subcommand does once its options are parsed; each returns the exit code.
struct LessonVideoRunners {
    std::function<int(const ImportArgs&)> import;
    std::function<int(const RedactArgs&)> redact;
    std::function<int(const StepsArgs&)> steps;
};

/// Adds `import`, `redact` and `steps` to the `lesson` command.
void add_lesson_video_commands(CLI::App& lesson, int& exit_code, LessonVideoRunners runners);

/// Describes the `lesson` command itself (the same in both programs).
CLI::App* add_lesson_parent(CLI::App& app);

}  // namespace lectern::cli
