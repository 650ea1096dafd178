// lectern lesson: import, redact and steps are declared here and done by lectern-video
// (video_tool.hpp); view and complete are in lesson_viewing_commands.cpp.

#include "commands.hpp"
#include "lesson_video_options.hpp"
#include "lesson_viewing_commands.hpp"
#include "video_tool.hpp"

namespace lectern::cli {

void add_lesson_command(CLI::App& app, int& exit_code) {
    CLI::App* lesson = add_lesson_parent(app);
    add_lesson_video_commands(*lesson, exit_code, video_tool_runners());
    add_lesson_viewing_commands(*lesson, exit_code);
}

}  // namespace lectern::cli
