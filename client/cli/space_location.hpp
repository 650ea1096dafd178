#pragma once

#include <filesystem>
#include <string>

namespace lectern::cli {

/// The space a command works on: the --space option if given, else $LECTERN_SPACE, else the
/// current folder if it holds lectern.yaml, else the installed sample content.
std::filesystem::path locate_space(const std::string& option);

}  // namespace lectern::cli
