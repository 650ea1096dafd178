#include "lesson/lesson_lint.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

#include "content/front_matter.hpp"
#include "lesson/file_digest.hpp"
#include "lesson/lesson_document.hpp"
#include "lesson/region_editing.hpp"
#include "lesson/transcript.hpp"

namespace lectern::lesson {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

class LessonLinter {
  public:
    LessonLinter(const fs::path& space_root, const content::Document& doc, Diagnostics& out)
        : doc_(doc), out_(out), folder_((space_root / doc.path).parent_path()) {
        fields_.value = doc.front_matter ? *doc.front_matter : json::object();
        // The loader keeps values, not their lines: read the front matter again for those.
        std::ifstream in(space_root / doc.path, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        Diagnostics ignored;  // the loader already reported any problem of the file
        if (auto split = content::split_front_matter(text, doc.path, ignored)) {
            if (auto parsed =
                    content::parse_yaml(split->yaml, doc.path, split->yaml_first_line, ignored)) {
                fields_.locations = std::move(parsed->locations);
            }
        }
        const json& v = fields_.value;
        duration_ =
            v.contains("duration") && v["duration"].is_number() ? v["duration"].get<double>() : -1;
        width_ = v.contains("width") && v["width"].is_number_integer() ? v["width"].get<int>() : 0;
        height_ =
            v.contains("height") && v["height"].is_number_integer() ? v["height"].get<int>() : 0;
    }

    void run() {
        check_video();
        check_chapters();
        check_regions();
        check_transcript();
    }

  private:
    SourceLocation at(const std::string& pointer) const { return fields_.locate(pointer); }
    std::string slug_path() const { return fs::path(doc_.path).parent_path().generic_string(); }

    void check_video() {
        const json& v = fields_.value;
        if (!v.contains("video") || !v["video"].is_string()) return;
        const std::string name = v["video"].get<std::string>();
        std::error_code ec;
        const fs::path file = folder_ / name;
        if (!fs::is_regular_file(file, ec)) {
            out_.error("lesson-video-missing",
                       "the video '" + name + "' is not in " + slug_path() +
                           "/: import the recording with `lectern lesson import`",
                       at("/video"));
            return;
        }
        if (!v.contains("video_sha256") || !v["video_sha256"].is_string()) return;
        if (content_sha256(file) != v["video_sha256"].get<std::string>()) {
            out_.error("lesson-video-changed",
                       "the video '" + name +
                           "' is not the one Lectern wrote (its sha256 differs from "
                           "video_sha256): import or redact the lesson again instead of "
                           "replacing its video by hand",
                       at("/video_sha256"));
        }
    }

    bool box_inside(const json& box) const {
        if (!box.is_array() || box.size() != 4 || width_ <= 0 || height_ <= 0) return true;
        const int x = box[0].get<int>(), y = box[1].get<int>();
        const int w = box[2].get<int>(), h = box[3].get<int>();
        return x + w <= width_ && y + h <= height_;
    }

    std::string size_text() const { return std::to_string(width_) + "x" + std::to_string(height_); }

    void check_chapters() {
        const json& v = fields_.value;
        if (!v.contains("chapters") || !v["chapters"].is_array()) return;
        const json& chapters = v["chapters"];
        double previous = -1;
        for (std::size_t i = 0; i < chapters.size(); ++i) {
            const json& c = chapters[i];
            const std::string p = "/chapters/" + std::to_string(i);
            const double t = c.value("at", 0.0);
            if (duration_ >= 0 && t > duration_ + 0.01) {
                out_.error("lesson-chapter-after-end",
                           "chapter " + std::to_string(i + 1) + " starts at " + std::to_string(t) +
                               " s, after the end of the video (" + std::to_string(duration_) +
                               " s)",
                           at(p + "/at"));
            }
            if (t < previous) {
                out_.error("lesson-chapters-order",
                           "chapter " + std::to_string(i + 1) +
                               " starts before the one above it: list chapters in time order",
                           at(p + "/at"));
            }
            previous = t;
            for (const char* key : {"frame", "thumbnail"}) {
                if (!c.contains(key) || !c[key].is_string()) continue;
                const std::string name = c[key].get<std::string>();
                std::error_code ec;
                if (!fs::is_regular_file(folder_ / name, ec)) {
                    out_.error(
                        "lesson-key-frame-missing",
                        std::string(key == std::string("frame") ? "key frame" : "thumbnail") +
                            " '" + name + "' is not in " + slug_path() +
                            "/: import the recording again to make it",
                        at(p + "/" + key));
                }
            }
            if (c.contains("box") && !box_inside(c["box"])) {
                out_.error("lesson-box-outside",
                           "the box of chapter " + std::to_string(i + 1) + " reaches outside the " +
                               size_text() + " picture",
                           at(p + "/box"));
            }
        }
    }

    void check_regions() {
        const json& v = fields_.value;
        if (!v.contains("redact") || !v["redact"].is_array() || v["redact"].empty()) return;
        const json& regions = v["redact"];
        for (std::size_t i = 0; i < regions.size(); ++i) {
            const json& r = regions[i];
            const std::string p = "/redact/" + std::to_string(i);
            if (r.contains("box") && !box_inside(r["box"])) {
                out_.error("lesson-region-outside",
                           "redaction region " + std::to_string(i + 1) + " reaches outside the " +
                               size_text() + " picture: a region must lie within the video",
                           at(p + "/box"));
            }
            const double from = r.value("from", 0.0);
            const double to = r.value("to", -1.0);
            if (to >= 0 && to < from) {
                out_.error("lesson-region-times",
                           "redaction region " + std::to_string(i + 1) +
                               " ends before it starts: `to` must not be before `from`",
                           at(p + "/to"));
            }
            if (duration_ >= 0 && from > duration_) {
                out_.error("lesson-region-times",
                           "redaction region " + std::to_string(i + 1) +
                               " starts after the end of the video",
                           at(p + "/from"));
            }
        }
        bool applied = false;
        try {
            LessonDocument doc;
            doc.fields = v;
            applied = regions_applied(doc);
        } catch (const Error&) {
            return;  // the schema check reported the malformed region
        }
        if (!applied) {
            out_.error("lesson-redaction-not-applied",
                       "the regions under `redact` are not applied to the video yet, so it "
                       "would show what they hide: run `lectern lesson redact " +
                           slug_path() + " --original RECORDING`",
                       at("/redact"));
        }
    }

    void check_transcript() {
        if (duration_ < 0) return;
        for (const auto& part : transcript_parts(doc_.body)) {
            if (part.at > duration_ + 0.5) {
                out_.error("lesson-transcript-after-end",
                           "this transcript time is after the end of the video",
                           {doc_.path, doc_.body_first_line + part.line - 1, 1});
            }
        }
    }

    const content::Document& doc_;
    Diagnostics& out_;
    fs::path folder_;
    content::LocatedJson fields_;
    double duration_ = -1;
    int width_ = 0;
    int height_ = 0;
};

}  // namespace

void lint_lesson(const fs::path& space_root, const content::Document& doc, Diagnostics& out) {
    LessonLinter(space_root, doc, out).run();
}

}  // namespace lectern::lesson
