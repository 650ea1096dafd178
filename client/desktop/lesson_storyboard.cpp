#include "lesson_storyboard.hpp"

#include <fstream>

#include "common/error.hpp"
#include "common/log.hpp"
#include "lesson/completion_records.hpp"
#include "lesson/lesson_document.hpp"
#include "lesson/region_editing.hpp"
#include "lesson/transcript.hpp"
#include "lesson/viewing_store.hpp"
#include "sync/lfs.hpp"

namespace lectern::desktop {

namespace fs = std::filesystem;

namespace {
constexpr log::Channel kLesson{"lesson"};
}

LessonStoryboard load_storyboard(const content::Space& space, const content::Document& doc) {
    const lesson::LessonOutline outline = lesson::lesson_outline(doc);
    lesson::LessonDocument lesson;
    lesson.fields = *doc.front_matter;
    const fs::path folder = (space.root() / doc.path).parent_path();
    LessonStoryboard s;
    s.id = doc.id;
    s.title = doc.title;
    s.version = outline.version;
    s.duration = outline.duration;
    s.width = lesson.fields.value("width", 0);
    s.height = lesson.fields.value("height", 0);
    s.file = space.root() / doc.path;
    s.slug = folder.filename().string();
    if (const std::string video = lesson.video(); !video.empty()) s.video = folder / video;
    try {
        s.regions = lesson.regions();
        s.regions_pending = !lesson::regions_applied(lesson);
    } catch (const Error& e) {
        s.regions_problem = e.what();
    }
    std::vector<double> starts;
    for (const auto& chapter : lesson.chapters()) {
        StoryboardStep step;
        step.at = chapter.at;
        step.frame_at = chapter.frame_at;
        step.caption = chapter.title;
        if (!chapter.frame.empty()) step.frame = folder / chapter.frame;
        step.box = chapter.box;
        s.steps.push_back(std::move(step));
        starts.push_back(chapter.at);
    }
    for (const auto& part : lesson::transcript_parts(doc.body)) {
        if (part.at < 0 || s.steps.empty()) continue;
        auto& text = s.steps[lesson::chapter_at(starts, part.at)].transcript;
        text += (text.empty() ? "" : "\n\n") + part.text;
    }
    return s;
}

VideoCheck check_video(const fs::path& video, const std::string& space) {
    std::error_code ec;
    if (video.empty() || !fs::is_regular_file(video, ec)) return {VideoProblem::Missing, {}, {}};
    // A pointer is a few lines of text; a video is never that small.
    if (fs::file_size(video, ec) < 1024) {
        std::ifstream in(video, std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        if (const auto pointer = sync::parse_lfs_pointer(text)) {
            std::optional<fs::path> cached;
            try {
                if (!space.empty()) cached = sync::cached_lfs_object(space, *pointer);
            } catch (const Error& e) {
                log::warning(kLesson, std::string("LFS cache not readable: ") + e.what());
            }
            if (!cached) return {VideoProblem::NotDownloaded, {}, {}};
            return {VideoProblem::None, {}, *cached};
        }
    }
    // The app does not decode video itself (OpenCV stays out of it): an empty file is
    // certainly damaged; anything else the player tries, with a time limit.
    if (fs::file_size(video, ec) == 0) return {VideoProblem::Unreadable, "the file is empty.", {}};
    return {VideoProblem::None, {}, video};
}

std::string lesson_step_section(int step) {
    return "step-" + std::to_string(step + 1);
}

int step_of_section(const std::string& section) {
    if (section.rfind("step-", 0) != 0) return 0;
    try {
        return std::max(0, std::stoi(section.substr(5)) - 1);
    } catch (const std::exception&) {
        return 0;
    }
}

ViewingTracker::ViewingTracker(const LessonStoryboard& lesson, std::optional<fs::path> file)
    : version_(lesson.version), file_(std::move(file)) {
    progress_.duration = lesson.duration;
    progress_.step_count = lesson.steps.size();
    if (file_)
        progress_ = lesson::load_viewing(*file_, version_, lesson.duration, lesson.steps.size());
}

bool ViewingTracker::view_step(std::size_t step) {
    if (step >= progress_.step_count || !progress_.steps_viewed.insert(step).second) return false;
    save();
    return true;
}

void ViewingTracker::playing_at(double seconds) {
    // A jump of more than two seconds is a seek, not playing: it starts a new stretch.
    if (open_span_ && seconds >= open_span_->second && seconds - open_span_->second <= 2.0) {
        open_span_->second = seconds;
        return;
    }
    stopped();
    open_span_ = std::make_pair(seconds, seconds);
}

void ViewingTracker::stopped() {
    if (!open_span_) return;
    if (open_span_->second > open_span_->first) {
        progress_.played.push_back(*open_span_);
        progress_.played = lesson::merged_spans(progress_.played);
        save();
    }
    open_span_.reset();
}

lesson::ViewingProgress ViewingTracker::progress() const {
    lesson::ViewingProgress p = progress_;
    if (open_span_) p.played.push_back(*open_span_);
    return p;
}

void ViewingTracker::save() const {
    if (!file_) return;
    try {
        lesson::save_viewing(*file_, version_, progress_);
    } catch (const Error& e) {
        log::warning(kLesson, std::string("viewing progress not saved: ") + e.what());
    }
}

}  // namespace lectern::desktop
