#include "quiz/attempt_records.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "common/log.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "content/version.hpp"
#include "ledger/layout.hpp"
#include "ledger/record.hpp"
#include "ledger/signoff_document.hpp"

namespace lectern::quiz {

ledger::DocumentToSign quiz_to_sign(const content::Space& space,
                                    const content::ContentRepository& repository,
                                    std::string_view space_name, const std::string& quiz_id) {
    const content::Document* doc = space.find_by_id(quiz_id);
    if (!doc || doc->type != content::DocumentType::Quiz)
        throw Error(ErrorKind::NotFound, "no quiz with id '" + quiz_id + "'");
    auto published = ledger::published_version(repository, space_name, *doc);
    if (!published) {
        throw Error(ErrorKind::InvalidArgument,
                    doc->path +
                        " is not the published version of the quiz (a local edit, or not "
                        "committed yet): sync, then take the quiz again");
    }
    return std::move(*published);
}

ledger::SigningRequest attempt_signing_request(ledger::DocumentToSign quiz, const Attempt& attempt,
                                               ledger::StoredKey key,
                                               const std::filesystem::path& ledger_folder) {
    if (quiz.document_id != attempt.quiz_id || quiz.blob_id != attempt.quiz_version)
        throw Error(ErrorKind::InvalidArgument,
                    "the attempt was on another version of the quiz than the one to sign");
    ledger::SigningRequest r;
    r.document = std::move(quiz);
    r.key = std::move(key);
    r.ledger = ledger_folder;
    r.kind = std::string(ledger::kKindQuizAttempt);
    r.meaning = std::string(kMeaningQuizAttempt);
    r.details = attempt_details(attempt);
    return r;
}

std::vector<RecordedAttempt> recorded_attempts(const std::vector<ledger::StoredRecord>& records) {
    std::vector<RecordedAttempt> out;
    for (const auto& stored : records) {
        const ledger::Record& r = stored.record;
        if (r.kind != ledger::kKindQuizAttempt) continue;
        try {
            RecordedAttempt a;
            a.record_id = r.id;
            a.agent = r.agent;
            a.signed_at = r.signed_at;
            a.quiz_title = r.title;
            a.attempt = attempt_from_details(r.details, r.document_id, r.blob_id,
                                             ledger::record_file_path(r.id));
            out.push_back(std::move(a));
        } catch (const Error& e) {
            log::warning(log::kLedger, std::string("quiz attempt skipped: ") + e.what());
        }
    }
    std::sort(out.begin(), out.end(), [](const RecordedAttempt& a, const RecordedAttempt& b) {
        return a.signed_at < b.signed_at;
    });
    return out;
}

std::vector<AttemptOutcome> attempt_outcomes(const std::vector<RecordedAttempt>& attempts) {
    std::vector<AttemptOutcome> out;
    for (const auto& a : attempts)
        out.push_back({a.agent, a.attempt.quiz_id, a.attempt.quiz_version, a.attempt.passed});
    return out;
}

int attempts_made(const std::vector<RecordedAttempt>& attempts, std::string_view agent,
                  std::string_view quiz_id, std::string_view quiz_version) {
    return static_cast<int>(std::count_if(attempts.begin(), attempts.end(), [&](const auto& a) {
        return a.agent == agent && a.attempt.quiz_id == quiz_id &&
               a.attempt.quiz_version == quiz_version;
    }));
}

}  // namespace lectern::quiz
