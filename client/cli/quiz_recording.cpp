#include "quiz_recording.hpp"

#include <iostream>

#include "common/error.hpp"
#include "content/history.hpp"
#include "content/space.hpp"
#include "ledger/local_ledger.hpp"
#include "ledger/signing.hpp"
#include "ledger/signoff_status.hpp"
#include "passphrase_input.hpp"
#include "quiz/attempt_records.hpp"
#include "signer_identity.hpp"
#include "signing_tries.hpp"

namespace lectern::cli {

AttemptRecorder attempt_recorder(const std::string& space_option) {
    SignoffSpace where = locate_signoff_space(space_option);
    sync::ClientConfig config = require_client_config();
    auto key = enrolled_key(config);
    if (!key) {
        throw Error(ErrorKind::InvalidArgument,
                    "this device is not enrolled for " + config.user +
                        ": run `lectern enroll` first (or take the quiz with --practice)");
    }
    return {std::move(where), std::move(config), std::move(*key)};
}

std::vector<quiz::RecordedAttempt> local_attempts(const SignoffSpace& where) {
    const auto ledger = ledger::LocalLedger::open(where.ledger);
    if (!ledger) return {};
    return quiz::recorded_attempts(ledger::ledger_records(*ledger));
}

std::optional<std::string> record_attempt(const AttemptRecorder& recorder,
                                          const quiz::Attempt& attempt,
                                          std::optional<int> passphrase_fd) {
    Diagnostics problems;
    const content::Space space = content::Space::load(recorder.where.content, problems);
    const auto repository = content::ContentRepository::open(recorder.where.content);
    if (!repository) {
        std::cerr << "lectern: " << recorder.where.content.string()
                  << " is not a git working tree: the attempt was not recorded\n";
        return std::nullopt;
    }
    const ledger::DocumentToSign quiz =
        quiz::quiz_to_sign(space, *repository, recorder.where.name, attempt.quiz_id);
    const auto signed_record = sign_with_passphrase(
        [&] {
            return quiz::attempt_signing_request(quiz, attempt, recorder.key,
                                                 recorder.where.ledger);
        },
        passphrase_fd, "Passphrase to sign this attempt: ");
    if (signed_record) {
        std::cout << "Recorded and signed: record " << signed_record->id << " (commit "
                  << signed_record->commit.substr(0, 12)
                  << "); it reaches the server on the next `lectern sync`.\n";
        return signed_record->id;
    }
    std::cerr << "lectern: the attempt was not signed, so it is not recorded\n";
    return std::nullopt;
}

}  // namespace lectern::cli
