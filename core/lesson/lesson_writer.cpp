#include "lesson/lesson_writer.hpp"

#include <cmath>
#include <fstream>

#include "common/error.hpp"
#include "lesson/file_digest.hpp"

namespace lectern::lesson {

namespace fs = std::filesystem;

namespace {

void write_bytes(const fs::path& file, const char* data, std::size_t size) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(data, static_cast<std::streamsize>(size));
    out.close();
    if (!out) throw Error(ErrorKind::Io, "cannot write '" + file.string() + "'");
}

}  // namespace

void write_file(const fs::path& file, const std::vector<unsigned char>& bytes) {
    write_bytes(file, reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

void write_file(const fs::path& file, std::string_view text) {
    write_bytes(file, text.data(), text.size());
}

void set_media_fields(LessonDocument& doc, const fs::path& video_file,
                      const std::string& video_name, const VideoInfo& info,
                      const std::vector<RedactionRegion>& applied) {
    doc.fields["video"] = video_name;
    doc.fields["video_sha256"] = file_sha256(video_file);
    doc.fields["duration"] = std::round(info.duration * 100.0) / 100.0;
    doc.fields["width"] = info.width;
    doc.fields["height"] = info.height;
    if (applied.empty()) {
        doc.fields.erase("redaction_applied");
    } else {
        doc.fields["redaction_applied"] = regions_digest(applied);
    }
}

}  // namespace lectern::lesson
