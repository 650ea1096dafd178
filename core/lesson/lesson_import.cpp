#include "lesson/lesson_import.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>

#include "common/error.hpp"
#include "content/front_matter.hpp"
#include "lesson/caption_merge.hpp"
#include "lesson/file_digest.hpp"
#include "lesson/lesson_folder.hpp"
#include "lesson/lesson_writer.hpp"

namespace lectern::lesson {

namespace fs = std::filesystem;

namespace {

std::string title_from_slug(std::string slug) {
    for (char& c : slug) {
        if (c == '-') c = ' ';
    }
    if (!slug.empty() && slug[0] >= 'a' && slug[0] <= 'z')
        slug[0] = static_cast<char>(slug[0] - 32);
    return slug;
}

std::string space_default_lang(const fs::path& space_root) {
    std::ifstream in(space_root / "lectern.yaml", std::ios::binary);
    if (!in) return "en";
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Diagnostics ignored;  // lint reports a broken manifest; import only wants a default
    auto yaml = content::parse_yaml(text, "lectern.yaml", 1, ignored);
    if (yaml && yaml->value.is_object()) {
        auto it = yaml->value.find("default_lang");
        if (it != yaml->value.end() && it->is_string()) return it->get<std::string>();
    }
    return "en";
}

std::string lowercase_extension(const fs::path& video) {
    std::string ext = video.extension().string();
    for (char& c : ext) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return ext.size() > 1 ? ext : ".mp4";
}

constexpr std::string_view kNewBody =
    "\n<!-- The transcript: what is said in the lesson. A paragraph that starts with a time\n"
    "     in brackets, like [1:05], belongs to the step shown at that time, and a search hit\n"
    "     in it opens the lesson there. -->\n";

}  // namespace

std::string local_date_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char out[16];
    std::strftime(out, sizeof out, "%Y-%m-%d", &local);
    return out;
}

ImportReport import_lesson(const ImportOptions& options, const Progress& progress) {
    validate_slug(options.slug);
    // Said first: "it does not exist" helps more than where it would have been.
    if (std::error_code missing; !fs::exists(options.video, missing)) probe_video(options.video);
    require_outside_space(options.space_root, options.video);
    const fs::path lesson_md = options.space_root / "lessons" / options.slug / "lesson.md";
    ImportReport report;
    report.lesson_file = lesson_md;
    std::error_code ec;
    report.created = !fs::exists(lesson_md, ec);
    LessonDocument doc;
    if (!report.created) doc = read_lesson_document(lesson_md);
    const std::vector<RedactionRegion> regions = doc.regions();
    const std::string old_video = doc.video();

    const auto started = std::chrono::steady_clock::now();
    StepDetection detection = detect_steps(options.video, options.detect, progress);
    report.analysis_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.frames_decoded = detection.frames_decoded;
    report.video = detection.info;
    if (detection.cancelled) {
        report.cancelled = true;
        return report;
    }
    CaptionMerge merged = merge_captions(detection.steps, doc.chapters());
    report.steps = merged.chapters.size();
    report.captions_kept = merged.kept;
    report.captions_dropped = merged.dropped;

    LessonStaging staging(options.space_root, options.slug);
    fs::create_directory(staging.dir() / "frames");
    std::string video_name;
    if (regions.empty()) {
        video_name = "video" + lowercase_extension(options.video);
        fs::copy_file(options.video, staging.dir() / video_name, ec);
        if (ec) {
            throw Error(ErrorKind::Io, "cannot copy '" + options.video.string() +
                                           "' into the lesson: " + ec.message());
        }
        for (std::size_t i = 0; i < detection.steps.size(); ++i) {
            write_file(staging.dir() / frame_name(i), detection.steps[i].frame_jpeg);
            write_file(staging.dir() / thumbnail_name(i), detection.steps[i].thumbnail_jpeg);
        }
    } else {
        // Only the redacted video and redacted key frames ever enter the lesson folder.
        video_name = "video.mp4";
        std::vector<KeyFrameRequest> requests;
        for (std::size_t i = 0; i < merged.chapters.size(); ++i) {
            requests.push_back({merged.chapters[i].frame_at, staging.dir() / frame_name(i),
                                staging.dir() / thumbnail_name(i)});
        }
        const RedactResult redacted = write_redacted_video(
            options.video, regions, staging.dir() / video_name, requests, options.redact, progress);
        if (redacted.cancelled) {
            report.cancelled = true;
            return report;
        }
        report.redacted = true;
    }

    if (report.created) {
        doc.fields = {
            {"id", options.slug},
            {"type", "lesson"},
            {"title", options.title.empty() ? title_from_slug(options.slug) : options.title},
            {"lang", options.lang.empty() ? space_default_lang(options.space_root) : options.lang}};
        const char* user = std::getenv("USER");
        doc.fields["owner"] = !options.owner.empty() ? options.owner
                              : (user && *user)      ? std::string(user)
                                                     : std::string("trainer");
        doc.body = std::string(kNewBody);
    }
    doc.fields["updated"] = options.today.empty() ? local_date_today() : options.today;
    doc.set_chapters(merged.chapters);
    set_media_fields(doc, staging.dir() / video_name, video_name, detection.info, regions);
    write_file(staging.dir() / "lesson.md", to_markdown(doc));

    std::set<std::string> generated = {"lesson.md", "frames", video_name};
    if (!old_video.empty()) generated.insert(old_video);
    staging.carry_over(generated);
    staging.commit();
    report.lfs_attributes_added = track_videos_with_lfs(options.space_root);
    return report;
}

}  // namespace lectern::lesson
