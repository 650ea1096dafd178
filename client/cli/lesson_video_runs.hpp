#pragma once
// The video work of `lectern lesson` (import, redact, steps), done in `lectern-video`.

#include "lesson_video_options.hpp"

namespace lectern::cli {

/// Runners that decode and write video with core/lesson; Ctrl+C cancels at the next frame.
LessonVideoRunners video_work_runners();

}  // namespace lectern::cli
