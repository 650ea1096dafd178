#pragma once
// Each subcommand of `lectern` registers itself on the app; its callback sets the exit code.

#include <CLI/CLI.hpp>

namespace lectern::cli {

/// Exit codes shared by every subcommand.
enum ExitCode : int { kOk = 0, kFindings = 1, kFailure = 2 };

void add_lint_command(CLI::App& app, int& exit_code);
void add_show_command(CLI::App& app, int& exit_code);
void add_list_command(CLI::App& app, int& exit_code);
void add_search_command(CLI::App& app, int& exit_code);
void add_index_command(CLI::App& app, int& exit_code);
void add_sign_command(CLI::App& app, int& exit_code);
void add_signoffs_command(CLI::App& app, int& exit_code);
void add_diff_command(CLI::App& app, int& exit_code);
void add_enroll_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);
void add_quiz_command(CLI::App& app, int& exit_code);
void add_xapi_command(CLI::App& app, int& exit_code);
void add_lesson_command(CLI::App& app, int& exit_code);
void add_login_command(CLI::App& app, int& exit_code);
void add_sync_command(CLI::App& app, int& exit_code);
void add_status_command(CLI::App& app, int& exit_code);
void add_audit_command(CLI::App& app, int& exit_code);

}  // namespace lectern::cli
