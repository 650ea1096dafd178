#include "lesson_video_options.hpp"

#include <memory>

namespace lectern::cli {

namespace {

// How steps are found: the same options for importing and for trying them out.
void add_detection_options(CLI::App& cmd, double& sensitivity, double& analysis_fps) {
    cmd.add_option("--sensitivity", sensitivity,
                   "0 to 1: higher finds smaller changes (0.5 finds a change of about 1% of "
                   "the screen)")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    cmd.add_option("--analysis-fps", analysis_fps,
                   "Frames analysed per second (every frame is decoded)")
        ->check(CLI::Range(0.5, 60.0))
        ->capture_default_str();
}

}  // namespace

CLI::App* add_lesson_parent(CLI::App& app) {
    CLI::App* lesson = app.add_subcommand(
        "lesson",
        "Screen-recording lessons: import a recording, redact it, list its steps; view one and "
        "record its completion.");
    lesson->require_subcommand(1);
    return lesson;
}

void add_lesson_video_commands(CLI::App& lesson, int& exit_code, LessonVideoRunners runners) {
    auto imp = std::make_shared<ImportArgs>();
    CLI::App* cmd = lesson.add_subcommand(
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
    add_detection_options(*cmd, imp->sensitivity, imp->analysis_fps);
    cmd->add_option("--title", imp->title, "Title of a new lesson; default: from the folder name");
    cmd->add_option("--owner", imp->owner, "Owner of a new lesson; default: $USER");
    cmd->add_option("--lang", imp->lang, "Language of a new lesson; default: the space's");
    cmd->callback([imp, run = runners.import, &exit_code] { exit_code = run(*imp); });

    auto red = std::make_shared<RedactArgs>();
    cmd = lesson.add_subcommand(
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
    cmd->callback([red, run = runners.redact, &exit_code] { exit_code = run(*red); });

    auto steps = std::make_shared<StepsArgs>();
    cmd = lesson.add_subcommand("steps",
                                "List the steps found in a recording without importing it (to tune "
                                "--sensitivity).");
    cmd->add_option("VIDEO", steps->video, "The recording")->required();
    add_detection_options(*cmd, steps->sensitivity, steps->analysis_fps);
    cmd->add_flag("--json", steps->json, "Print the steps as JSON");
    cmd->callback([steps, run = runners.steps, &exit_code] { exit_code = run(*steps); });
}

}  // namespace lectern::cli
