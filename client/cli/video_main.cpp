// lectern-video: does `lectern lesson import`, `redact` and `steps`, which `lectern` hands over
// with the same command line (see video_tool.hpp). It can be run directly the same way.

#include "commands.hpp"
#include "lesson_video_runs.hpp"
#include "run_app.hpp"

int main(int argc, char** argv) {
    CLI::App app{"lectern-video: the video work of `lectern lesson` (import, redact, steps)."};
    app.set_version_flag("--version", std::string("lectern-video ") + LECTERN_VERSION);
    app.require_subcommand(1);
    int exit_code = lectern::cli::kOk;
    CLI::App* lesson = lectern::cli::add_lesson_parent(app);
    lectern::cli::add_lesson_video_commands(*lesson, exit_code, lectern::cli::video_work_runners());
    return lectern::cli::run_app(app, argc, argv, exit_code);
}
