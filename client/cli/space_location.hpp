#pragma once

#include <filesystem>
#include <string>

#include <CLI/CLI.hpp>

namespace lectern::cli {

/// The space a command works on: the --space option if given, else $LECTERN_SPACE, else the
/// current folder if it holds lectern.yaml, else the sample content installed beside the
/// binary (bin/../share/lectern/content), else the one at the configured install prefix.
std::filesystem::path locate_space(const std::string& option);

/// Adds --space, with the help text that says how the default is found.
void add_space_option(CLI::App& cmd, std::string& space);
/// Adds --index, with the help text that says where the index lives by default.
void add_index_option(CLI::App& cmd, std::string& index);

}  // namespace lectern::cli
