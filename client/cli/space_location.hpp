#pragma once

#include <filesystem>
#include <string>

namespace lectern::cli {

/// The space a command works on: the --space option if given, else $LECTERN_SPACE, else the
/// current folder if it holds lectern.yaml, else the sample content installed beside the
/// binary (bin/../share/lectern/content), else the one at the configured install prefix.
std::filesystem::path locate_space(const std::string& option);

}  // namespace lectern::cli
