#pragma once
// Recording a quiz attempt a front end ran, in one call: the same record `lectern quiz take`
// writes (quiz::quiz_to_sign, quiz::attempt_signing_request) through the signing state machine,
// with the passphrase typed at the end of the attempt. Slow on purpose (Argon2id): call it off
// the UI thread. Also the count of attempts already made, which the attempt limit needs.

#include <filesystem>
#include <string>
#include <string_view>

#include "ledger/secure_buffer.hpp"
#include "progress/record_place.hpp"
#include "progress/sign_procedure.hpp"

namespace lectern::content {
class Space;
}
namespace lectern::quiz {
struct Attempt;
}

namespace lectern::progress {

struct SignQuizAttempt {
    const content::Space* space = nullptr;  ///< as loaded when the quiz was opened
    RecordPlace place;
    std::string agent;
    std::filesystem::path key_file;  ///< this device's sealed key (ledger/keys.hpp)
};

/// How many attempts `agent` has recorded on this version (blob id) of the quiz, from the
/// ledger clone of `place` (this machine's records and those fetched from the server), as
/// `lectern quiz take` counts them. 0 when there is no clone yet. Throws Error(Library) when the
/// clone cannot be read.
int quiz_attempts_made(const RecordPlace& place, std::string_view agent, std::string_view quiz_id,
                       std::string_view quiz_version);

/// Signs `attempt` with `passphrase` (taken over and wiped) and appends it to the ledger of
/// `what.place`, flushed to disk before it returns. Nothing is stored unless the outcome is
/// Signed. Throws Error(NotFound) when there is no key (make one first), Error(InvalidArgument)
/// when the quiz taken is not the published version (a local edit, or a sync brought a newer
/// one), and whatever the ledger throws when the record cannot be stored.
SignResult sign_quiz_attempt(const SignQuizAttempt& what, const quiz::Attempt& attempt,
                             ledger::SecureBuffer passphrase);

}  // namespace lectern::progress
