#pragma once
// Where `lectern quiz` commands find the attempts already recorded and record a new one: the
// space's ledger clone on this machine, signed with this device's key.

#include <optional>
#include <string>
#include <vector>

#include "ledger/keys.hpp"
#include "quiz/attempt.hpp"
#include "quiz/report.hpp"
#include "signoff_space.hpp"
#include "sync/client_config.hpp"

namespace lectern::cli {

/// Who records and where; absent for a practice run.
struct AttemptRecorder {
    SignoffSpace where;
    sync::ClientConfig config;
    ledger::StoredKey key;
};

/// The recorder for the space at --space. Throws Error(InvalidArgument) saying what to do when
/// the space belongs to a server but this machine is not logged in or not enrolled.
AttemptRecorder attempt_recorder(const std::string& space_option);

/// Every quiz attempt in the local ledger clone of the space (this machine's own branches and
/// those fetched from the server).
std::vector<quiz::RecordedAttempt> local_attempts(const SignoffSpace& where);

/// Signs `attempt` and appends it to the ledger, asking for the passphrase (up to three tries
/// from a terminal, one from --passphrase-fd). Returns the record id, or nullopt when it was not
/// signed (said on stderr).
std::optional<std::string> record_attempt(const AttemptRecorder& recorder,
                                          const quiz::Attempt& attempt,
                                          std::optional<int> passphrase_fd);

}  // namespace lectern::cli
