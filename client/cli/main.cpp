// lectern: the command line for trainers, auditors and scripts.

#include "commands.hpp"
#include "run_app.hpp"
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
    return lectern::cli::run_app(app, argc, argv, exit_code);
}
