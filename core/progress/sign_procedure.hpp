#pragma once
// Signing the procedure a front end shows, in one call that runs the signing state machine
// (ledger/signing.hpp) from start to end: the version shown must be the version published,
// a quiz that gates the procedure must be passed, and the passphrase typed just now must open
// this device's key. Slow on purpose (Argon2id): call it off the UI thread.

#include <filesystem>
#include <string>

#include "ledger/secure_buffer.hpp"
#include "progress/record_place.hpp"

namespace lectern::content {
class Space;
}
namespace lectern::ledger {
struct SigningRequest;
}

namespace lectern::progress {

struct SignProcedure {
    const content::Space* space = nullptr;  ///< as loaded and shown
    RecordPlace place;
    std::string document_id;
    std::string agent;
    std::filesystem::path key_file;  ///< this device's sealed key (ledger/keys.hpp)
};

enum class SignOutcome { Signed, WrongPassphrase };

struct SignResult {
    SignOutcome outcome = SignOutcome::WrongPassphrase;
    std::string record_id;  ///< when signed
    std::string commit;     ///< the ledger commit that holds it
};

/// Signs `what.document_id` with `passphrase` (taken over and wiped). Nothing is stored unless
/// the outcome is Signed. Throws Error(NotFound) when there is no key (make one first),
/// Error(InvalidArgument) when the document cannot be signed now (not a procedure asking for a
/// sign-off, a gating quiz not passed, the text on disk differs from the version shown or
/// published), and whatever the ledger throws when the record cannot be stored.
SignResult sign_procedure(const SignProcedure& what, ledger::SecureBuffer passphrase);

/// The signing state machine from start to end for any record (sign-offs and quiz attempts):
/// the text shown, the passphrase entered now, the key unlocked, the record built, signed and
/// appended durably. WrongPassphrase stores nothing.
SignResult sign_request(ledger::SigningRequest request, ledger::SecureBuffer passphrase);

}  // namespace lectern::progress
