#include "lesson/lesson_redact.hpp"

#include <cmath>

#include "common/error.hpp"
#include "lesson/caption_merge.hpp"
#include "lesson/lesson_folder.hpp"
#include "lesson/lesson_writer.hpp"

namespace lectern::lesson {

namespace fs = std::filesystem;

RedactLessonReport redact_lesson(const RedactLessonOptions& options, const Progress& progress) {
    validate_slug(options.slug);
    const fs::path folder = options.space_root / "lessons" / options.slug;
    const fs::path lesson_md = folder / "lesson.md";
    const std::string shown = "lessons/" + options.slug + "/lesson.md";
    std::error_code ec;
    if (!fs::exists(lesson_md, ec)) {
        throw Error(ErrorKind::NotFound, shown +
                                             " does not exist: import the recording first "
                                             "with `lectern lesson import`");
    }
    LessonDocument doc = read_lesson_document(lesson_md);
    RedactLessonReport report;
    report.lesson_file = lesson_md;
    std::vector<RedactionRegion> regions;
    try {
        regions = doc.regions();
    } catch (const Error& e) {
        throw Error(ErrorKind::InvalidContent, e.message(), {shown, 0, 0});
    }
    if (regions.empty()) {
        throw Error(ErrorKind::InvalidArgument,
                    shown +
                        " lists no regions under `redact`: add the parts to hide, like\n"
                        "redact:\n  - box: [40, 120, 300, 24]\n    from: 12.5\n    to: 31\n");
    }
    const std::string current_video = doc.video();
    fs::path original = options.original;
    if (original.empty()) {
        if (doc.fields.contains("redaction_applied")) {
            throw Error(ErrorKind::InvalidArgument,
                        "the video of " + shown +
                            " is already redacted: give the original recording with "
                            "--original FILE, so the regions are applied to it once (a "
                            "redacted video cannot get back what a removed region hid)");
        }
        if (current_video.empty() || !fs::exists(folder / current_video, ec)) {
            throw Error(ErrorKind::NotFound, shown +
                                                 " has no video to redact: give the original "
                                                 "recording with --original FILE");
        }
        original = folder / current_video;
    } else {
        require_outside_space(options.space_root, original);
    }
    const VideoInfo info = probe_video(original);
    if (doc.fields.contains("duration") && doc.fields["duration"].is_number()) {
        const double declared = doc.fields["duration"].get<double>();
        if (std::abs(declared - info.duration) > std::max(1.0, 0.02 * declared)) {
            throw Error(ErrorKind::InvalidArgument,
                        "'" + original.string() + "' lasts " + format_time(info.duration) +
                            " but the lesson's video lasts " + format_time(declared) +
                            ": give the recording this lesson was imported from");
        }
    }

    std::vector<Chapter> chapters = doc.chapters();
    LessonStaging staging(options.space_root, options.slug);
    fs::create_directory(staging.dir() / "frames");
    std::vector<KeyFrameRequest> requests;
    for (std::size_t i = 0; i < chapters.size(); ++i) {
        // Key frames get the standard names: a name a trainer changed might point anywhere.
        chapters[i].frame = frame_name(i);
        chapters[i].thumbnail = thumbnail_name(i);
        requests.push_back({chapters[i].frame_at, staging.dir() / chapters[i].frame,
                            staging.dir() / chapters[i].thumbnail});
    }
    const std::string video_name = "video.mp4";
    const RedactResult result = write_redacted_video(original, regions, staging.dir() / video_name,
                                                     requests, options.redact, progress);
    if (result.cancelled) {
        report.cancelled = true;
        return report;
    }
    doc.set_chapters(chapters);
    set_media_fields(doc, staging.dir() / video_name, video_name, info, regions);
    write_file(staging.dir() / "lesson.md", to_markdown(doc));
    std::set<std::string> generated = {"lesson.md", "frames", video_name};
    if (!current_video.empty()) generated.insert(current_video);
    staging.carry_over(generated);
    staging.commit();
    track_videos_with_lfs(options.space_root);
    report.regions = regions.size();
    report.key_frames = requests.size();
    report.frames = result.frames;
    report.audio = result.audio;
    return report;
}

}  // namespace lectern::lesson
