#include "lesson/lesson_document.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include "common/error.hpp"
#include "content/front_matter.hpp"
#include "lesson/file_digest.hpp"

namespace lectern::lesson {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The order a trainer reads a lesson's front matter in: who and what first, then the
// generated media fields, then the storyboard and what is hidden in it.
constexpr const char* kFieldOrder[] = {
    "id",       "type",    "title",          "lang",       "owner",  "updated",
    "tags",     "summary", "translation_of", "objectives", "video",  "video_sha256",
    "duration", "width",   "height",         "chapters",   "redact", "redaction_applied"};

constexpr const char* kChapterOrder[] = {"at", "title", "frame", "thumbnail", "box", "frame_at"};
constexpr const char* kRegionOrder[] = {"box", "from", "to", "style", "note"};

bool plain_scalar_is_safe(const std::string& s) {
    // Plain YAML would read these as something other than text, or not at all.
    static const std::regex kSafe(R"([A-Za-z_/][^:#\[\]{},"'&*!|>%@`\n\r\t]*)");
    static const std::regex kSpecial(R"((true|false|yes|no|on|off|null|y|n|~)|.*\s)",
                                     std::regex::icase);
    return std::regex_match(s, kSafe) && !std::regex_match(s, kSpecial);
}

void emit_scalar(std::ostream& out, const json& v) {
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        // A JSON string is a valid YAML double-quoted scalar.
        out << (plain_scalar_is_safe(s) ? s : json(s).dump());
    } else {
        out << v.dump();
    }
}

bool is_scalar_list(const json& v) {
    if (!v.is_array()) return false;
    for (const auto& item : v) {
        if (item.is_structured()) return false;
    }
    return true;
}

std::vector<std::string> ordered_keys(const json& obj, const char* const* order, std::size_t n) {
    std::vector<std::string> keys;
    for (std::size_t i = 0; i < n; ++i) {
        if (obj.contains(order[i])) keys.emplace_back(order[i]);
    }
    for (const auto& [key, value] : obj.items()) {
        (void)value;
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
    return keys;
}

void emit_value(std::ostream& out, const json& v, int indent);

void emit_mapping(std::ostream& out, const json& obj, int indent, bool first_inline,
                  const char* const* order = nullptr, std::size_t n = 0) {
    bool first = true;
    for (const auto& key : ordered_keys(obj, order, n)) {
        if (!(first && first_inline)) out << std::string(static_cast<std::size_t>(indent), ' ');
        first = false;
        out << (plain_scalar_is_safe(key) ? key : json(key).dump()) << ":";
        emit_value(out, obj[key], indent);
    }
}

// Writes what follows "key:" (a space and a scalar, or a nested block on the next lines).
void emit_value(std::ostream& out, const json& v, int indent) {
    if (v.is_object() && !v.empty()) {
        out << '\n';
        emit_mapping(out, v, indent + 2, false);
    } else if (is_scalar_list(v)) {
        out << " [";
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out << ", ";
            emit_scalar(out, v[i]);
        }
        out << "]\n";
    } else if (v.is_array()) {
        out << '\n';
        for (const auto& item : v) {
            out << std::string(static_cast<std::size_t>(indent + 2), ' ') << "- ";
            if (item.is_object() && !item.empty()) {
                const bool chapter = item.contains("at");
                const bool region = item.contains("box") && !chapter;
                emit_mapping(
                    out, item, indent + 4, true, chapter ? kChapterOrder : kRegionOrder,
                    chapter ? std::size(kChapterOrder) : (region ? std::size(kRegionOrder) : 0));
            } else {
                emit_scalar(out, item);
                out << '\n';
            }
        }
    } else {
        out << ' ';
        emit_scalar(out, v);
        out << '\n';
    }
}

double number_or(const json& obj, const char* key, double fallback) {
    auto it = obj.find(key);
    return (it != obj.end() && it->is_number()) ? it->get<double>() : fallback;
}

std::string string_or_empty(const json& obj, const char* key) {
    auto it = obj.find(key);
    return (it != obj.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

std::optional<Box> box_of(const json& v) {
    if (!v.is_array() || v.size() != 4) return std::nullopt;
    for (const auto& n : v) {
        if (!n.is_number()) return std::nullopt;
    }
    return Box{v[0].get<int>(), v[1].get<int>(), v[2].get<int>(), v[3].get<int>()};
}

// Times in the front matter to the hundredth of a second: finer means nothing to a player.
json seconds(double t) {
    return std::round(t * 100.0) / 100.0;
}

}  // namespace

std::string_view to_string(RedactStyle style) {
    return style == RedactStyle::Blur ? "blur" : "pixelate";
}

std::vector<Chapter> LessonDocument::chapters() const {
    std::vector<Chapter> out;
    auto it = fields.find("chapters");
    if (it == fields.end() || !it->is_array()) return out;
    for (const auto& c : *it) {
        if (!c.is_object()) continue;
        Chapter ch;
        ch.at = number_or(c, "at", 0);
        ch.title = string_or_empty(c, "title");
        ch.frame = string_or_empty(c, "frame");
        ch.thumbnail = string_or_empty(c, "thumbnail");
        if (auto b = c.find("box"); b != c.end()) ch.box = box_of(*b);
        ch.frame_at = number_or(c, "frame_at", ch.at);
        out.push_back(std::move(ch));
    }
    return out;
}

void LessonDocument::set_chapters(const std::vector<Chapter>& chapters) {
    json list = json::array();
    for (const auto& ch : chapters) {
        json c = {{"at", seconds(ch.at)}, {"title", ch.title}};
        if (!ch.frame.empty()) c["frame"] = ch.frame;
        if (!ch.thumbnail.empty()) c["thumbnail"] = ch.thumbnail;
        if (ch.box) c["box"] = {ch.box->x, ch.box->y, ch.box->width, ch.box->height};
        c["frame_at"] = seconds(ch.frame_at);
        list.push_back(std::move(c));
    }
    fields["chapters"] = std::move(list);
}

std::vector<RedactionRegion> LessonDocument::regions() const {
    std::vector<RedactionRegion> out;
    auto it = fields.find("redact");
    if (it == fields.end() || !it->is_array()) return out;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& r = (*it)[i];
        const std::string which = "redaction region " + std::to_string(i + 1);
        std::optional<Box> box;
        if (r.is_object() && r.contains("box")) box = box_of(r["box"]);
        if (!box || box->empty() || box->x < 0 || box->y < 0) {
            throw Error(ErrorKind::InvalidContent,
                        which + " needs a box: [x, y, width, height] in video pixels");
        }
        RedactionRegion region;
        region.box = *box;
        region.from = number_or(r, "from", 0);
        region.to = number_or(r, "to", -1);
        const std::string style = string_or_empty(r, "style");
        if (!style.empty() && style != "pixelate" && style != "blur") {
            throw Error(ErrorKind::InvalidContent, which + ": style must be pixelate or blur");
        }
        region.style = style == "blur" ? RedactStyle::Blur : RedactStyle::Pixelate;
        region.note = string_or_empty(r, "note");
        out.push_back(region);
    }
    return out;
}

void LessonDocument::set_regions(const std::vector<RedactionRegion>& regions) {
    if (regions.empty()) {
        fields.erase("redact");
        return;
    }
    json list = json::array();
    for (const auto& r : regions) {
        json item = {{"box", {r.box.x, r.box.y, r.box.width, r.box.height}},
                     {"from", seconds(r.from)}};
        if (r.to >= 0) item["to"] = seconds(r.to);
        item["style"] = std::string(to_string(r.style));
        if (!r.note.empty()) item["note"] = r.note;
        list.push_back(std::move(item));
    }
    fields["redact"] = std::move(list);
}

std::string LessonDocument::video() const {
    return string_or_empty(fields, "video");
}

LessonDocument read_lesson_document(const fs::path& lesson_md) {
    std::ifstream in(lesson_md, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, "cannot read '" + lesson_md.string() + "'");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Diagnostics problems;
    const std::string file = lesson_md.string();
    LessonDocument doc;
    auto split = content::split_front_matter(text, file, problems);
    std::optional<content::LocatedJson> parsed;
    if (split) parsed = content::parse_yaml(split->yaml, file, split->yaml_first_line, problems);
    if (!split || !parsed || problems.has_errors() || !parsed->value.is_object()) {
        const Diagnostic* first = problems.items().empty() ? nullptr : &problems.items().front();
        throw Error(ErrorKind::InvalidContent,
                    (first ? first->message : std::string("the front matter is not a mapping")) +
                        ": fix the front matter (or move the file away) and run the command "
                        "again",
                    first ? first->where : SourceLocation{file, 1, 1});
    }
    doc.fields = std::move(parsed->value);
    doc.body = std::string(split->body);
    return doc;
}

std::string to_markdown(const LessonDocument& doc) {
    std::ostringstream out;
    out << "---\n";
    emit_mapping(out, doc.fields, 0, false, kFieldOrder, std::size(kFieldOrder));
    out << "---\n";
    out << doc.body;
    return out.str();
}

std::string regions_digest(const std::vector<RedactionRegion>& regions) {
    std::string canonical;
    char line[160];
    for (const auto& r : regions) {
        std::snprintf(line, sizeof line, "%d %d %d %d %.2f %.2f %s\n", r.box.x, r.box.y,
                      r.box.width, r.box.height, r.from, r.to < 0 ? -1.0 : r.to,
                      std::string(to_string(r.style)).c_str());
        canonical += line;
    }
    return text_sha256(canonical);
}

}  // namespace lectern::lesson
