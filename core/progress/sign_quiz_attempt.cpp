#include "progress/sign_quiz_attempt.hpp"

#include "common/error.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "ledger/keys.hpp"
#include "ledger/signing.hpp"
#include "ledger/signoff_status.hpp"
#include "quiz/attempt_records.hpp"

namespace lectern::progress {

int quiz_attempts_made(const RecordPlace& place, std::string_view agent, std::string_view quiz_id,
                       std::string_view quiz_version) {
    const auto ledger = ledger::LocalLedger::open(place.ledger);
    if (!ledger) return 0;
    return quiz::attempts_made(quiz::recorded_attempts(ledger::ledger_records(*ledger, agent)),
                               agent, quiz_id, quiz_version);
}

SignResult sign_quiz_attempt(const SignQuizAttempt& what, const quiz::Attempt& attempt,
                             ledger::SecureBuffer passphrase) {
    if (!what.space) throw Error(ErrorKind::InvalidArgument, "no space is open");
    auto key = ledger::load_key(what.key_file);
    if (!key)
        throw Error(ErrorKind::NotFound,
                    "this computer has no signing key yet: make one (File > Signing key)");
    const auto repository = content::ContentRepository::open(what.space->root());
    if (!repository)
        throw Error(ErrorKind::InvalidArgument,
                    what.space->root().string() +
                        " has no published versions (not a git working tree): open a synced "
                        "space or the sample content");
    return sign_request(
        quiz::attempt_signing_request(
            quiz::quiz_to_sign(*what.space, *repository, what.place.space, attempt.quiz_id),
            attempt, std::move(*key), what.place.ledger),
        std::move(passphrase));
}

}  // namespace lectern::progress
