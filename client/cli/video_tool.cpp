#include "video_tool.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "commands.hpp"

namespace lectern::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kVideoTool = "lectern-video";

int g_argc = 0;
char** g_argv = nullptr;

// Next to this program (the build tree, or a folder holding both), then where the package
// installs it.
std::vector<fs::path> places_to_look() {
    std::vector<fs::path> places;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) places.push_back(self.parent_path() / kVideoTool);
    places.push_back(fs::path(LECTERN_LIBEXEC_DIR) / kVideoTool);
    return places;
}

int hand_over() {
    std::string tried;
    for (const fs::path& tool : places_to_look()) {
        if (::access(tool.c_str(), X_OK) != 0) {
            tried += "\n  " + tool.string() + " (" + std::strerror(errno) + ")";
            continue;
        }
        // The same command line, argv[0] included, so its messages name `lectern`.
        ::execv(tool.c_str(), g_argv);
        tried += "\n  " + tool.string() + " (cannot start it: " + std::strerror(errno) + ")";
    }
    std::cerr << "lectern: lesson video work is done by " << kVideoTool
              << ", which is missing or cannot run; reinstall Lectern. Looked at:" << tried << '\n';
    return kFailure;
}

}  // namespace

void remember_command_line(int argc, char** argv) {
    g_argc = argc;
    g_argv = argv;
}

LessonVideoRunners video_tool_runners() {
    return {[](const ImportArgs&) { return hand_over(); },
            [](const RedactArgs&) { return hand_over(); },
            [](const StepsArgs&) { return hand_over(); }};
}

}  // namespace lectern::cli
