#pragma once
// Lesson completions in the ledger: the record a completed lesson becomes (signed through the
// same state machine as sign-offs and quiz attempts), and completions read back, so that an
// onboarding path can count a lesson item as done.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/local_ledger.hpp"
#include "ledger/signing.hpp"
#include "lesson/completion.hpp"

namespace lectern::content {
class Space;
class ContentRepository;
struct Document;
}  // namespace lectern::content

namespace lectern::lesson {

/// A lesson as the viewing progress and the completion rule see it: its version, length and
/// number of steps, read from the loaded document's front matter.
struct LessonOutline {
    std::string id;
    std::string version;  ///< blob id of lesson.md
    double duration = 0;
    std::size_t steps = 0;
};

/// Throws Error(NotFound) unless `doc` is a lesson.
LessonOutline lesson_outline(const content::Document& doc);

/// The lesson version a completion record points at: lesson.md exactly as committed at HEAD
/// of the space's content (what the server has). Throws Error(NotFound) when there is no such
/// lesson, Error(InvalidArgument) when the file is a local edit or not committed.
ledger::DocumentToSign lesson_to_sign(const content::Space& space,
                                      const content::ContentRepository& repository,
                                      std::string_view space_name, const std::string& lesson_id);

/// A signing request for a lesson-completion record with `progress` as its details. Throws
/// Error(InvalidArgument) saying what is left to watch or view when `progress` does not meet
/// the completion rule: nothing is signed for a lesson not completed.
ledger::SigningRequest completion_signing_request(ledger::DocumentToSign lesson,
                                                  const ViewingProgress& progress,
                                                  ledger::StoredKey key,
                                                  const std::filesystem::path& ledger_folder);

/// "watched 42% of 1:30 (90% needed); steps 2, 5 of 6 not viewed" for an incomplete lesson.
std::string what_is_left(const ViewingProgress& progress);

/// The newest lesson-completion record of `agent` in `space_name` for each lesson id: what
/// an onboarding path counts. Other kinds, spaces and agents are ignored.
std::map<std::string, ledger::StoredRecord> completed_lessons(
    const std::vector<ledger::StoredRecord>& records, std::string_view space_name,
    std::string_view agent);

}  // namespace lectern::lesson
