#include "lesson/completion_records.hpp"

#include <cmath>

#include "common/error.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "content/version.hpp"
#include "ledger/signoff_document.hpp"
#include "lesson/lesson_document.hpp"
#include "lesson/video_info.hpp"

namespace lectern::lesson {

LessonOutline lesson_outline(const content::Document& doc) {
    if (doc.type != content::DocumentType::Lesson)
        throw Error(ErrorKind::NotFound, "'" + doc.id + "' is not a lesson");
    LessonOutline o;
    o.id = doc.id;
    o.version = doc.blob_id;
    if (doc.front_matter) {
        LessonDocument lesson;
        lesson.fields = *doc.front_matter;
        const auto& duration = lesson.fields.find("duration");
        if (duration != lesson.fields.end() && duration->is_number())
            o.duration = duration->get<double>();
        o.steps = lesson.chapters().size();
    }
    return o;
}

ledger::DocumentToSign lesson_to_sign(const content::Space& space,
                                      const content::ContentRepository& repository,
                                      std::string_view space_name, const std::string& lesson_id) {
    const content::Document* doc = space.find_by_id(lesson_id);
    if (!doc || doc->type != content::DocumentType::Lesson)
        throw Error(ErrorKind::NotFound, "no lesson with id '" + lesson_id + "'");
    auto published = ledger::published_version(repository, space_name, *doc);
    if (!published) {
        throw Error(ErrorKind::InvalidArgument,
                    doc->path +
                        " is not the published version of the lesson (a local edit, or not "
                        "committed yet): sync, then view the lesson again");
    }
    return std::move(*published);
}

std::string what_is_left(const ViewingProgress& progress) {
    std::string out = "watched " +
                      std::to_string(static_cast<int>(std::floor(progress.watched_share() * 100))) +
                      "% of " + format_time(progress.duration) + " (" +
                      std::to_string(static_cast<int>(kWatchedShare * 100)) + "% needed)";
    std::string missing;
    std::size_t count = 0;
    for (std::size_t i = 0; i < progress.step_count; ++i) {
        if (progress.steps_viewed.count(i)) continue;
        if (count++ < 12) missing += (missing.empty() ? "" : ", ") + std::to_string(i + 1);
    }
    if (count > 12) missing += ", …";
    if (count > 0) {
        out += "; step" + std::string(count == 1 ? " " : "s ") + missing + " of " +
               std::to_string(progress.step_count) + " not viewed";
    }
    return out;
}

ledger::SigningRequest completion_signing_request(ledger::DocumentToSign lesson,
                                                  const ViewingProgress& progress,
                                                  ledger::StoredKey key,
                                                  const std::filesystem::path& ledger_folder) {
    if (!progress.complete()) {
        throw Error(ErrorKind::InvalidArgument,
                    "the lesson " + lesson.document_id +
                        " is not completed yet: " + what_is_left(progress) +
                        "; watch at least 90% of it or view every step of the storyboard");
    }
    ledger::SigningRequest r;
    r.document = std::move(lesson);
    r.key = std::move(key);
    r.ledger = ledger_folder;
    r.kind = std::string(ledger::kKindLessonCompletion);
    r.meaning = kMeaningLessonCompleted;
    r.details = progress.record_details();
    return r;
}

std::map<std::string, ledger::StoredRecord> completed_lessons(
    const std::vector<ledger::StoredRecord>& records, std::string_view space_name,
    std::string_view agent) {
    std::map<std::string, ledger::StoredRecord> out;
    for (const auto& stored : records) {
        const ledger::Record& r = stored.record;
        if (r.kind != ledger::kKindLessonCompletion || r.space != space_name || r.agent != agent)
            continue;
        auto it = out.find(r.document_id);
        // RFC 3339 UTC times of one format sort as text.
        if (it == out.end() || it->second.record.signed_at < r.signed_at)
            out.insert_or_assign(r.document_id, stored);
    }
    return out;
}

}  // namespace lectern::lesson
