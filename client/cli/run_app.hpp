#pragma once
// Parsing the command line and running the chosen subcommand, the same in every program of
// the command line (lectern, lectern-video): parse errors print CLI11's message, and a core
// Error escaping a command prints its message, which is written for the person at the terminal.

#include <CLI/CLI.hpp>

namespace lectern::cli {

/// Runs `app` on the command line; returns the process exit code (`exit_code` as the
/// subcommand set it, or kFailure when parsing or the command failed).
int run_app(CLI::App& app, int argc, char** argv, const int& exit_code);

}  // namespace lectern::cli
