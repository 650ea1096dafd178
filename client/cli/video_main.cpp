// lectern-video: does `lectern lesson import`, `redact` and `steps`, which `lectern` hands over
// with the same command line (see video_tool.hpp). It can be run directly the same way.

#include <iostream>

#include "commands.hpp"
#include "common/error.hpp"
#include "lesson_video_runs.hpp"

int main(int argc, char** argv) {
    CLI::App app{"lectern-video: the video work of `lectern lesson` (import, redact, steps)."};
    app.set_version_flag("--version", std::string("lectern-video ") + LECTERN_VERSION);
    app.require_subcommand(1);
    int exit_code = lectern::cli::kOk;
    CLI::App* lesson = lectern::cli::add_lesson_parent(app);
    lectern::cli::add_lesson_video_commands(*lesson, exit_code, lectern::cli::video_work_runners());
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : lectern::cli::kFailure;
    } catch (const lectern::Error& e) {
        std::cerr << "lectern: " << e.what() << '\n';
        return lectern::cli::kFailure;
    } catch (const std::exception& e) {
        std::cerr << "lectern: unexpected failure: " << e.what() << '\n';
        return lectern::cli::kFailure;
    }
    return exit_code;
}
