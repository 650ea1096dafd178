#pragma once
// `lectern` hands `lesson import`, `redact` and `steps` to `lectern-video`, a program of its
// own, so that no other command pays for loading OpenCV and the video libraries under it.

#include "lesson_video_options.hpp"

namespace lectern::cli {

/// Keeps the command line, to hand it over unchanged. Call first in main().
void remember_command_line(int argc, char** argv);

/// Runners that replace this process with lectern-video given the same command line. They
/// return only when lectern-video cannot be found or started, with kFailure and a message.
LessonVideoRunners video_tool_runners();

}  // namespace lectern::cli
