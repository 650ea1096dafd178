#pragma once
// `lectern lesson import`: a screen recording becomes lessons/<slug>/ — the video (redacted
// when the lesson declares regions), a key frame per step, and lesson.md.

#include <filesystem>
#include <string>
#include <vector>

#include "lesson/progress.hpp"
#include "lesson/redaction.hpp"
#include "lesson/step_detection.hpp"

namespace lectern::lesson {

struct ImportOptions {
    std::filesystem::path video;       ///< the recording, outside the space
    std::filesystem::path space_root;  ///< the content space
    std::string slug;                  ///< lessons/<slug>
    DetectOptions detect;
    RedactOptions redact;  ///< used when the lesson already declares regions
    // For a new lesson; an existing lesson keeps its own.
    std::string title;  ///< empty: from the slug
    std::string owner;  ///< empty: $USER
    std::string lang;   ///< empty: the space's default_lang
    std::string today;  ///< YYYY-MM-DD for `updated`; empty: today's local date
};

struct ImportReport {
    std::filesystem::path lesson_file;  ///< lessons/<slug>/lesson.md
    bool created = false;               ///< a new lesson, not a re-import
    std::size_t steps = 0;
    std::size_t captions_kept = 0;
    std::vector<std::string> captions_dropped;  ///< "1:05 Open the form"
    VideoInfo video;
    bool redacted = false;  ///< the lesson's regions were applied
    bool lfs_attributes_added = false;
    bool cancelled = false;  ///< nothing was changed
    long long frames_decoded = 0;
    double analysis_seconds = 0;
};

/// Imports (or re-imports) a recording. Keeps every field and the body of an existing
/// lesson.md, and the captions of steps found again at about the same time. Nothing in the
/// space changes unless it all succeeds. Throws Error: a bad video (see probe_video()),
/// a video inside the space, a bad slug, an existing lesson.md that cannot be read.
ImportReport import_lesson(const ImportOptions& options, const Progress& progress = {});

/// Today's local date as YYYY-MM-DD.
std::string local_date_today();

}  // namespace lectern::lesson
