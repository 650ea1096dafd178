#include "lesson/lesson_folder.hpp"

#include <unistd.h>

#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include "common/error.hpp"

namespace lectern::lesson {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kLfsLine = "lessons/*/video.* filter=lfs diff=lfs merge=lfs -text";

std::string unique_suffix() {
    std::random_device rd;
    std::ostringstream s;
    s << getpid() << '-' << std::hex << rd();
    return s.str();
}

fs::path canonical_or_absolute(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(p, ec);
    return ec ? fs::absolute(p) : c;
}

bool is_inside(const fs::path& folder, const fs::path& file) {
    const fs::path rel = file.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

void validate_slug(const std::string& slug) {
    static const std::regex kSlug("[a-z0-9][a-z0-9-]{0,63}");
    if (!std::regex_match(slug, kSlug)) {
        throw Error(ErrorKind::InvalidArgument,
                    "'" + slug +
                        "' cannot name a lesson: use 1 to 64 lowercase letters, digits "
                        "or '-', like lessons/refund-in-crm");
    }
}

void require_outside_space(const fs::path& space_root, const fs::path& video) {
    if (is_inside(canonical_or_absolute(space_root), canonical_or_absolute(video))) {
        throw Error(ErrorKind::InvalidArgument,
                    "'" + video.string() +
                        "' is inside the content space: move the original recording out of it "
                        "first, so an unredacted copy can never be committed; Lectern copies "
                        "(or redacts) it into the lesson folder");
    }
}

bool track_videos_with_lfs(const fs::path& space_root) {
    const fs::path file = space_root / ".gitattributes";
    std::string text;
    if (std::ifstream in(file, std::ios::binary); in) {
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line == kLfsLine) return false;
    }
    if (!text.empty() && text.back() != '\n') text += '\n';
    text += "# Lesson videos are Git LFS objects: clones fetch them only when needed.\n";
    text += kLfsLine;
    text += '\n';
    const fs::path temp = space_root / (".gitattributes.lectern-" + unique_suffix());
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) {
            std::error_code ec;
            fs::remove(temp, ec);
            throw Error(ErrorKind::Io, "cannot write '" + file.string() + "'");
        }
    }
    std::error_code ec;
    fs::rename(temp, file, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw Error(ErrorKind::Io, "cannot write '" + file.string() + "': " + ec.message());
    }
    return true;
}

LessonStaging::LessonStaging(const fs::path& space_root, const std::string& slug) {
    validate_slug(slug);
    std::error_code ec;
    if (!fs::is_directory(space_root, ec)) {
        throw Error(ErrorKind::NotFound, "'" + space_root.string() +
                                             "' is not a folder: give the folder of a content "
                                             "space (the one with lectern.yaml)");
    }
    lessons_ = space_root / "lessons";
    final_ = lessons_ / slug;
    if (!fs::exists(lessons_, ec)) {
        fs::create_directory(lessons_, ec);
        created_lessons_ = !ec;
    }
    // Hidden, so that neither the loader nor `lectern lint` looks at it meanwhile.
    staging_ = lessons_ / ("." + slug + ".staging-" + unique_suffix());
    if (!fs::create_directory(staging_, ec) || ec) {
        throw Error(ErrorKind::Io,
                    "cannot make a folder in '" + lessons_.string() + "': " + ec.message());
    }
}

LessonStaging::~LessonStaging() {
    if (committed_) return;
    std::error_code ec;
    fs::remove_all(staging_, ec);
    if (created_lessons_ && fs::is_empty(lessons_, ec)) fs::remove(lessons_, ec);
}

void LessonStaging::carry_over(const std::set<std::string>& generated) {
    std::error_code ec;
    if (!fs::is_directory(final_, ec)) return;
    for (const auto& entry : fs::directory_iterator(final_)) {
        const std::string name = entry.path().filename().string();
        if (generated.count(name)) continue;
        fs::copy(entry.path(), staging_ / name,
                 fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
        if (ec) {
            throw Error(ErrorKind::Io, "cannot copy '" + entry.path().string() +
                                           "' into the new lesson folder: " + ec.message());
        }
    }
}

void LessonStaging::commit() {
    std::error_code ec;
    const fs::path previous =
        lessons_ / ("." + final_.filename().string() + ".previous-" + unique_suffix());
    const bool had_previous = fs::exists(final_, ec);
    if (had_previous) {
        fs::rename(final_, previous, ec);
        if (ec) {
            throw Error(ErrorKind::Io, "cannot replace '" + final_.string() + "': " + ec.message() +
                                           " (is a file in it open?)");
        }
    }
    fs::rename(staging_, final_, ec);
    if (ec) {
        std::error_code ignored;
        if (had_previous) fs::rename(previous, final_, ignored);
        throw Error(ErrorKind::Io, "cannot write '" + final_.string() + "': " + ec.message());
    }
    committed_ = true;
    if (had_previous) fs::remove_all(previous, ec);
}

}  // namespace lectern::lesson
