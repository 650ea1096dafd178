#pragma once
// `lectern lesson view` and `lectern lesson complete`: the storyboard read step by step in a
// terminal (each step shown is recorded as viewed), and the signed completion record once the
// recorded viewing meets the completion rule.

#include <CLI/CLI.hpp>

namespace lectern::cli {

/// Adds `view` and `complete` to the `lesson` command.
void add_lesson_viewing_commands(CLI::App& lesson, int& exit_code);

}  // namespace lectern::cli
