// lectern lesson import VIDEO --into lessons/SLUG | lesson redact lessons/SLUG | lesson steps VIDEO
// (view and complete: lesson_viewing_commands.cpp)

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common/error.hpp"
#include "lesson/lesson_import.hpp"
#include "lesson/lesson_redact.hpp"
#include "lesson/step_detection.hpp"
#include "lesson_viewing_commands.hpp"

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

struct ImportArgs {
    std::string video, into, space, title, owner, lang;
    double sensitivity = lesson::DetectOptions{}.sensitivity;
    double analysis_fps = lesson::DetectOptions{}.analysis_fps;
};

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

struct RedactArgs {
    std::string lesson, space, original;
};

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

struct StepsArgs {
    std::string video;
    double sensitivity = lesson::DetectOptions{}.sensitivity;
    double analysis_fps = lesson::DetectOptions{}.analysis_fps;
    bool json = false;
};

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

void add_lesson_command(CLI::App& app, int& exit_code) {
    CLI::App* lesson = app.add_subcommand(
        "lesson",
        "Screen-recording lessons: import a recording, redact it, list its steps; view one and "
        "record its completion.");
    lesson->require_subcommand(1);

    auto imp = std::make_shared<ImportArgs>();
    CLI::App* cmd = lesson->add_subcommand(
        "import",
        "Turn a screen recording into lessons/SLUG: the video (a Git LFS object), a key frame "
        "and caption per step, and lesson.md. Importing again keeps the captions of steps "
        "found at about the same time, and applies the lesson's redaction regions.");
    cmd->add_option("VIDEO", imp->video, "The recording (kept outside the space)")->required();
    cmd->add_option("--into", imp->into, "The lesson folder, like lessons/refund-in-crm")
        ->required();
    cmd->add_option("--space", imp->space,
                    "Space folder; default: $LECTERN_SPACE, else the current folder if it has "
                    "lectern.yaml");
    cmd->add_option("--sensitivity", imp->sensitivity,
                    "0 to 1: higher finds smaller changes (0.5 finds a change of about 1% of "
                    "the screen)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    cmd->add_option("--analysis-fps", imp->analysis_fps,
                    "Frames analysed per second (every frame is decoded)")
        ->check(CLI::Range(0.5, 60.0))
        ->capture_default_str();
    cmd->add_option("--title", imp->title, "Title of a new lesson; default: from the folder name");
    cmd->add_option("--owner", imp->owner, "Owner of a new lesson; default: $USER");
    cmd->add_option("--lang", imp->lang, "Language of a new lesson; default: the space's");
    cmd->callback([imp, &exit_code] { exit_code = run_import(*imp); });

    auto red = std::make_shared<RedactArgs>();
    cmd = lesson->add_subcommand(
        "redact",
        "Hide the regions listed under `redact` in lessons/SLUG/lesson.md: the video is written "
        "again from the original (with its audio track, muxed by ffmpeg) and every key frame "
        "too. Only the redacted video is written into the space.");
    cmd->add_option("LESSON", red->lesson, "The lesson folder, like lessons/refund-in-crm")
        ->required();
    cmd->add_option("--original", red->original,
                    "The unredacted recording, outside the space; needed once the lesson's "
                    "video has been redacted");
    cmd->add_option("--space", red->space,
                    "Space folder; default: $LECTERN_SPACE, else the current folder if it has "
                    "lectern.yaml");
    cmd->callback([red, &exit_code] { exit_code = run_redact(*red); });

    auto steps = std::make_shared<StepsArgs>();
    cmd =
        lesson->add_subcommand("steps",
                               "List the steps found in a recording without importing it (to tune "
                               "--sensitivity).");
    cmd->add_option("VIDEO", steps->video, "The recording")->required();
    cmd->add_option("--sensitivity", steps->sensitivity, "0 to 1: higher finds smaller changes")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    cmd->add_option("--analysis-fps", steps->analysis_fps, "Frames analysed per second")
        ->check(CLI::Range(0.5, 60.0))
        ->capture_default_str();
    cmd->add_flag("--json", steps->json, "Print the steps as JSON");
    cmd->callback([steps, &exit_code] { exit_code = run_steps(*steps); });

    add_lesson_viewing_commands(*lesson, exit_code);
}

}  // namespace lectern::cli
