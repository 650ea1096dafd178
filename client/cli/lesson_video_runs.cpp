// lectern lesson import VIDEO --into lessons/SLUG | lesson redact lessons/SLUG | lesson steps
// VIDEO: the work itself, in lectern-video.

#include "lesson_video_runs.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common/error.hpp"
#include "lesson/lesson_import.hpp"
#include "lesson/lesson_redact.hpp"
#include "lesson/step_detection.hpp"

namespace lectern::cli {

namespace fs = std::filesystem;

namespace {

// Ctrl+C stops the work at the next frame; the space is then left as it was.
lesson::CancelToken g_cancel;

extern "C" void on_interrupt(int) {
    g_cancel.cancel();
}

struct InterruptGuard {
    struct sigaction previous {};
    InterruptGuard() {
        struct sigaction action {};
        action.sa_handler = on_interrupt;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &previous);
    }
    ~InterruptGuard() { sigaction(SIGINT, &previous, nullptr); }
};

lesson::Progress terminal_progress() {
    lesson::Progress progress;
    progress.cancel = &g_cancel;
    if (isatty(STDERR_FILENO)) {
        progress.report = [](const lesson::ProgressStep& s) {
            char line[96];
            const double pct = s.total > 0 ? 100.0 * s.done / s.total : 0;
            std::snprintf(line, sizeof line, "\r%s %s / %s (%.0f%%)   ",
                          std::string(s.phase).c_str(), lesson::format_time(s.done).c_str(),
                          lesson::format_time(s.total).c_str(), pct);
            std::cerr << line << std::flush;
        };
    }
    return progress;
}

void clear_progress_line() {
    if (isatty(STDERR_FILENO)) std::cerr << '\r' << std::string(60, ' ') << '\r';
}

// Writing commands never fall back to the installed sample content.
fs::path writable_space(const std::string& option) {
    if (!option.empty()) return option;
    if (const char* env = std::getenv("LECTERN_SPACE"); env && *env) return env;
    std::error_code ec;
    if (fs::exists("lectern.yaml", ec)) return fs::current_path();
    throw Error(ErrorKind::InvalidArgument,
                "which space? give --space DIR (the folder with lectern.yaml), set "
                "$LECTERN_SPACE, or run the command in that folder");
}

// "lessons/refund", "lessons/refund/", "refund" -> "refund"
std::string slug_of(std::string into) {
    while (!into.empty() && into.back() == '/') into.pop_back();
    if (into.rfind("lessons/", 0) == 0) into = into.substr(8);
    return into;
}

int run_import(const ImportArgs& a) {
    lesson::ImportOptions options;
    options.video = a.video;
    options.space_root = writable_space(a.space);
    options.slug = slug_of(a.into);
    options.detect.sensitivity = a.sensitivity;
    options.detect.analysis_fps = a.analysis_fps;
    options.title = a.title;
    options.owner = a.owner;
    options.lang = a.lang;
    InterruptGuard interrupt;
    const lesson::ImportReport r = lesson::import_lesson(options, terminal_progress());
    clear_progress_line();
    if (r.cancelled) {
        std::cerr << "lectern: cancelled; nothing in the space was changed\n";
        return kFailure;
    }
    const fs::path shown = fs::path("lessons") / options.slug / "lesson.md";
    std::cout << shown.string() << ": " << (r.created ? "new lesson" : "imported again") << ", "
              << r.steps << " steps in " << lesson::format_time(r.video.duration) << " of "
              << r.video.width << "x" << r.video.height << " video";
    if (!r.created) std::cout << ", " << r.captions_kept << " captions kept";
    if (r.redacted) std::cout << ", redacted";
    std::cout << '\n';
    for (const auto& dropped : r.captions_dropped)
        std::cout << "caption without a step now (it was dropped): " << dropped << '\n';
    if (r.lfs_attributes_added)
        std::cout << ".gitattributes: lesson videos are now stored with Git LFS\n";
    std::cout << "Next: write the captions in " << shown.string()
              << "; list regions to hide under `redact` and run `lectern lesson redact lessons/"
              << options.slug << "`; keep the original recording outside the space.\n";
    return kOk;
}

int run_redact(const RedactArgs& a) {
    lesson::RedactLessonOptions options;
    options.space_root = writable_space(a.space);
    options.slug = slug_of(a.lesson);
    options.original = a.original;
    InterruptGuard interrupt;
    const lesson::RedactLessonReport r = lesson::redact_lesson(options, terminal_progress());
    clear_progress_line();
    if (r.cancelled) {
        std::cerr << "lectern: cancelled; nothing in the space was changed\n";
        return kFailure;
    }
    std::cout << "lessons/" << options.slug << ": " << r.regions << " regions hidden in "
              << r.frames << " frames and " << r.key_frames << " key frames"
              << (r.audio ? ", audio kept" : ", no audio track") << '\n';
    return kOk;
}

int run_steps(const StepsArgs& a) {
    lesson::DetectOptions options;
    options.sensitivity = a.sensitivity;
    options.analysis_fps = a.analysis_fps;
    InterruptGuard interrupt;
    const lesson::StepDetection d = lesson::detect_steps(a.video, options, terminal_progress());
    clear_progress_line();
    if (d.cancelled) {
        std::cerr << "lectern: cancelled\n";
        return kFailure;
    }
    if (a.json) {
        nlohmann::json steps = nlohmann::json::array();
        for (const auto& s : d.steps) {
            steps.push_back({{"at", s.at},
                             {"frame_at", s.frame_at},
                             {"box", {s.box.x, s.box.y, s.box.width, s.box.height}},
                             {"changed", s.changed}});
        }
        const nlohmann::json out = {{"duration", d.info.duration},
                                    {"width", d.info.width},
                                    {"height", d.info.height},
                                    {"fps", d.info.fps},
                                    {"frames_decoded", d.frames_decoded},
                                    {"frames_analysed", d.frames_analysed},
                                    {"steps", steps}};
        std::cout << out.dump(2) << '\n';
        return kOk;
    }
    for (const auto& s : d.steps) {
        char line[128];
        std::snprintf(line, sizeof line, "%8.2f s  %s  box %d,%d %dx%d  %.1f%% changed\n", s.at,
                      lesson::format_time(s.at).c_str(), s.box.x, s.box.y, s.box.width,
                      s.box.height, 100.0 * s.changed);
        std::cout << line;
    }
    return kOk;
}

}  // namespace

LessonVideoRunners video_work_runners() {
    return {run_import, run_redact, run_steps};
}

}  // namespace lectern::cli
