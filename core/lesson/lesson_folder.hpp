#pragma once
// Writing a lesson folder (lessons/<slug>/) all at once: everything is prepared in a hidden
// folder beside it and swapped in at the end, so a failure or a cancel leaves the space as
// it was.

#include <filesystem>
#include <set>
#include <string>

namespace lectern::lesson {

/// Throws Error(InvalidArgument) unless `slug` is a lesson folder name: 1 to 64 lowercase
/// letters, digits or '-' (it becomes the lesson's id).
void validate_slug(const std::string& slug);

/// Throws Error(InvalidArgument) when `video` lies inside the content space: the original
/// recording must stay outside, so an unredacted copy can never be committed by accident.
void require_outside_space(const std::filesystem::path& space_root,
                           const std::filesystem::path& video);

/// Adds `lessons/*/video.* filter=lfs diff=lfs merge=lfs -text` to the space's
/// .gitattributes unless it is there, so git stores lesson videos as Git LFS objects.
/// Returns true when the file was changed.
bool track_videos_with_lfs(const std::filesystem::path& space_root);

class LessonStaging {
  public:
    /// Prepares lessons/.<slug>.staging-… in the space. Throws Error(InvalidArgument) for a
    /// bad slug and Error(Io) when the folder cannot be made.
    LessonStaging(const std::filesystem::path& space_root, const std::string& slug);
    /// Removes the staging folder unless commit() succeeded.
    ~LessonStaging();
    LessonStaging(const LessonStaging&) = delete;
    LessonStaging& operator=(const LessonStaging&) = delete;

    const std::filesystem::path& dir() const noexcept { return staging_; }
    const std::filesystem::path& lesson_dir() const noexcept { return final_; }

    /// Copies what the trainer keeps in the current lesson folder (images for the
    /// transcript…) into the staging folder: every entry except `generated` names.
    void carry_over(const std::set<std::string>& generated);
    /// Swaps the staging folder in for lessons/<slug>. Throws Error(Io) when it cannot; the
    /// previous folder is then back in place.
    void commit();

  private:
    std::filesystem::path lessons_;
    std::filesystem::path final_;
    std::filesystem::path staging_;
    bool created_lessons_ = false;
    bool committed_ = false;
};

}  // namespace lectern::lesson
