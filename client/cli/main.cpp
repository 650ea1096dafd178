// lectern: the command line for trainers, auditors and scripts.

#include <iostream>

#include "commands.hpp"
#include "common/error.hpp"
#include "video_tool.hpp"

int main(int argc, char** argv) {
    lectern::cli::remember_command_line(argc, argv);
    CLI::App app{
        "Lectern: procedures, call scripts and training for remote customer-service teams."};
    app.set_version_flag("--version", std::string("lectern ") + LECTERN_VERSION);
    app.require_subcommand(1);
    int exit_code = lectern::cli::kOk;
    lectern::cli::add_lint_command(app, exit_code);
    lectern::cli::add_show_command(app, exit_code);
    lectern::cli::add_list_command(app, exit_code);
    lectern::cli::add_search_command(app, exit_code);
    lectern::cli::add_index_command(app, exit_code);
    lectern::cli::add_sign_command(app, exit_code);
    lectern::cli::add_signoffs_command(app, exit_code);
    lectern::cli::add_diff_command(app, exit_code);
    lectern::cli::add_enroll_command(app, exit_code);
    lectern::cli::add_report_command(app, exit_code);
    lectern::cli::add_quiz_command(app, exit_code);
    lectern::cli::add_xapi_command(app, exit_code);
    lectern::cli::add_lesson_command(app, exit_code);
    lectern::cli::add_login_command(app, exit_code);
    lectern::cli::add_sync_command(app, exit_code);
    lectern::cli::add_status_command(app, exit_code);
    lectern::cli::add_audit_command(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : lectern::cli::kFailure;
    } catch (const lectern::Error& e) {
        // The last-resort handler: every core error carries a message meant for a person.
        std::cerr << "lectern: " << e.what() << '\n';
        return lectern::cli::kFailure;
    } catch (const std::exception& e) {
        std::cerr << "lectern: unexpected failure: " << e.what() << '\n';
        return lectern::cli::kFailure;
    }
    return exit_code;
}
