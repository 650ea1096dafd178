#include "lesson/region_editing.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>

#include "common/error.hpp"
#include "ledger/durable_files.hpp"
#include "sync/local_paths.hpp"
#include "sync/sample_copy.hpp"

namespace lectern::lesson {

namespace fs = std::filesystem;

namespace {

std::string seconds_text(double t) {
    char out[32];
    std::snprintf(out, sizeof out, "%.2f", t);
    return out;
}

// A word the shell takes as it is, or the word in single quotes.
std::string shell_word(const std::string& word) {
    const bool plain = !word.empty() && word.find_first_not_of(
                                            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                            "0123456789_./-+=:,@%") == std::string::npos;
    if (plain) return word;
    std::string quoted = "'";
    for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

}  // namespace

RegionEditing region_editing(const fs::path& space_root, const fs::path& lesson_md) {
    std::error_code ec;
    if (!fs::is_regular_file(lesson_md, ec)) return RegionEditing::NotALesson;
    try {
        if (sync::is_sample_copy(space_root)) return RegionEditing::SampleCopy;
        if (sync::space_of_content_folder(space_root)) return RegionEditing::SyncedCopy;
    } catch (const Error&) {
        // No data folder known (neither XDG_DATA_HOME nor HOME): no synced copy either.
    }
    // Saving writes a temporary file beside lesson.md and renames it over the file.
    const fs::path folder = lesson_md.parent_path();
    if (::access(lesson_md.c_str(), W_OK) != 0 || ::access(folder.c_str(), W_OK | X_OK) != 0)
        return RegionEditing::NotWritable;
    return RegionEditing::Allowed;
}

VideoFrame video_frame(const LessonDocument& doc) {
    VideoFrame frame;
    const auto& f = doc.fields;
    if (auto w = f.find("width"); w != f.end() && w->is_number_integer()) frame.width = *w;
    if (auto h = f.find("height"); h != f.end() && h->is_number_integer()) frame.height = *h;
    if (auto d = f.find("duration"); d != f.end() && d->is_number()) frame.duration = *d;
    return frame;
}

std::optional<std::string> region_problem(const RedactionRegion& region, std::size_t index,
                                          const VideoFrame& frame) {
    const std::string which = "redaction region " + std::to_string(index + 1);
    const Box& b = region.box;
    if (b.empty()) return which + " has no area: give it a width and a height";
    if (frame.width <= 0 || frame.height <= 0)
        return which +
               " cannot be checked: the lesson records no video size (import the recording "
               "first)";
    if (b.x < 0 || b.y < 0 || b.x + b.width > frame.width || b.y + b.height > frame.height) {
        return which + " [" + std::to_string(b.x) + ", " + std::to_string(b.y) + ", " +
               std::to_string(b.width) + ", " + std::to_string(b.height) +
               "] reaches outside the " + std::to_string(frame.width) + "x" +
               std::to_string(frame.height) + " picture: a region must lie within the video";
    }
    if (!(region.from >= 0)) return which + " starts before the video: `from` must be 0 or more";
    if (region.to >= 0 && region.to < region.from)
        return which + " ends before it starts: `to` must not be before `from`";
    if (frame.duration > 0 && region.from > frame.duration + 0.005)
        return which + " starts at " + seconds_text(region.from) +
               " s, after the end of the video (" + seconds_text(frame.duration) + " s)";
    return std::nullopt;
}

void save_regions(const fs::path& lesson_md, const std::vector<RedactionRegion>& regions) {
    LessonDocument doc = read_lesson_document(lesson_md);
    const VideoFrame frame = video_frame(doc);
    for (std::size_t i = 0; i < regions.size(); ++i) {
        if (auto problem = region_problem(regions[i], i, frame))
            throw Error(ErrorKind::InvalidArgument,
                        lesson_md.string() + ": " + *problem + "; nothing was saved");
    }
    doc.set_regions(regions);
    struct stat st {};
    const unsigned mode = ::stat(lesson_md.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
    ledger::durable::write_file(lesson_md, to_markdown(doc), mode);
}

bool regions_applied(const LessonDocument& doc) {
    const auto regions = doc.regions();
    if (regions.empty()) return true;
    const auto applied = doc.fields.find("redaction_applied");
    return applied != doc.fields.end() && applied->is_string() &&
           applied->get<std::string>() == regions_digest(regions);
}

std::string redact_command(const fs::path& space_root, const std::string& slug) {
    return "lectern lesson redact " + shell_word("lessons/" + slug) +
           " --original RECORDING --space " + shell_word(space_root.string());
}

}  // namespace lectern::lesson
