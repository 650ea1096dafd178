#pragma once
// What the lesson view shows and records, without windows: the steps of a lesson (key frame,
// caption, the transcript of that step), whether its video can be played on this machine and
// why not, and the viewing progress the player and the storyboard add to (kept on disk by
// core/lesson/viewing_store, from which completion is judged).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "content/space.hpp"
#include "lesson/completion.hpp"
#include "lesson/lesson_document.hpp"
#include "lesson/step_detection.hpp"

namespace lectern::desktop {

struct StoryboardStep {
    double at = 0;        ///< seconds: where the player jumps
    double frame_at = 0;  ///< seconds: the moment the key frame shows
    std::string caption;
    std::filesystem::path frame;     ///< the key frame (absolute); may be missing on disk
    std::optional<lesson::Box> box;  ///< what changed, in video pixels
    std::string transcript;          ///< the transcript paragraphs of this step
};

struct LessonStoryboard {
    std::string id;
    std::string title;
    std::string version;         ///< blob id of lesson.md
    std::filesystem::path file;  ///< lesson.md (absolute)
    std::string slug;            ///< the folder's name under lessons/
    std::filesystem::path video;
    double duration = 0;
    int width = 0;
    int height = 0;
    std::vector<StoryboardStep> steps;
    /// The regions under `redact`, or why they cannot be read (a malformed list).
    std::vector<lesson::RedactionRegion> regions;
    std::string regions_problem;
    /// Regions are listed that the video does not have applied yet.
    bool regions_pending = false;
};

/// The storyboard of `doc` (a lesson of `space`). Throws lectern::Error when it is not one.
LessonStoryboard load_storyboard(const content::Space& space, const content::Document& doc);

enum class VideoProblem {
    None,           ///< nothing stands against trying the player
    Missing,        ///< no video file
    NotDownloaded,  ///< a Git LFS pointer: the object has not been fetched
    Unreadable,     ///< empty (damaged files the player itself fails to open)
};

struct VideoCheck {
    VideoProblem problem = VideoProblem::None;
    std::string detail;  ///< what is wrong, for Unreadable
    /// What the player opens: the video itself, or, when the working tree holds a Git LFS
    /// pointer (as sync checks lessons out), the object in the space's LFS cache.
    std::filesystem::path file;
};

/// Whether the lesson's video can be tried in the player (the media backend may still fail).
/// `space` is the server's name for the space (empty when none): its LFS cache is looked in.
VideoCheck check_video(const std::filesystem::path& video, const std::string& space);

/// The search-hit section that opens a lesson at a step ("step-3" for index 2), and back.
std::string lesson_step_section(int step);
int step_of_section(const std::string& section);

/// The viewing progress of one lesson, loaded from and saved to its file as it grows. Without
/// a file (a space of no server) it is kept in memory only.
class ViewingTracker {
  public:
    ViewingTracker(const LessonStoryboard& lesson, std::optional<std::filesystem::path> file);

    /// A storyboard step was shown. Returns true when that changed anything.
    bool view_step(std::size_t step);
    /// The player is at `seconds` (called several times a second while it plays).
    void playing_at(double seconds);
    /// The player stopped or jumped: the stretch played so far is closed and saved.
    void stopped();

    /// What has been seen, the stretch now playing included.
    lesson::ViewingProgress progress() const;

  private:
    void save() const;

    std::string version_;
    std::optional<std::filesystem::path> file_;
    lesson::ViewingProgress progress_;
    std::optional<std::pair<double, double>> open_span_;
};

}  // namespace lectern::desktop
