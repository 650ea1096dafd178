#pragma once
// Quiz attempts in the ledger: the record an attempt becomes (signed through the same state
// machine as sign-offs), and attempts read back for attempt limits, gating and reports.

#include <string>
#include <string_view>
#include <vector>

#include "ledger/local_ledger.hpp"
#include "ledger/signing.hpp"
#include "quiz/attempt.hpp"
#include "quiz/gating.hpp"
#include "quiz/report.hpp"

namespace lectern::content {
class Space;
class ContentRepository;
}  // namespace lectern::content

namespace lectern::quiz {

/// What a quiz-attempt record's signature means.
inline constexpr std::string_view kMeaningQuizAttempt = "answered by me, without help";

/// The quiz version the attempt was on, as a record points at it: the file must be exactly the
/// version committed at HEAD of the space's content (what the server has). Throws
/// Error(InvalidArgument) when it is not (a local edit: sync first) or there is no commit.
ledger::DocumentToSign quiz_to_sign(const content::Space& space,
                                    const content::ContentRepository& repository,
                                    std::string_view space_name, const std::string& quiz_id);

/// A signing request for `attempt`: kind quiz-attempt, the attempt as details.
ledger::SigningRequest attempt_signing_request(ledger::DocumentToSign quiz, const Attempt& attempt,
                                               ledger::StoredKey key,
                                               const std::filesystem::path& ledger_folder);

/// The quiz attempts among `records`, read back. Records whose details are not an attempt as
/// Lectern writes them are skipped and logged on the ledger channel.
std::vector<RecordedAttempt> recorded_attempts(const std::vector<ledger::StoredRecord>& records);

/// What the sign-off gate needs from the attempts.
std::vector<AttemptOutcome> attempt_outcomes(const std::vector<RecordedAttempt>& attempts);

/// How many attempts `agent` made on this version of the quiz.
int attempts_made(const std::vector<RecordedAttempt>& attempts, std::string_view agent,
                  std::string_view quiz_id, std::string_view quiz_version);

}  // namespace lectern::quiz
