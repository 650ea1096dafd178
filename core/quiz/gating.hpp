#pragma once
// Quizzes that gate a procedure's sign-off: the rule the sign command and the app both call.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lectern::content {
class Space;
struct Document;
}  // namespace lectern::content

namespace lectern::quiz {

/// What the gate needs to know of one recorded attempt.
struct AttemptOutcome {
    std::string agent;
    std::string quiz_id;
    std::string quiz_version;  ///< blob id of the quiz file the attempt was on
    bool passed = false;
};

/// The quizzes of the space with `gates_signoff: true` whose `tests` names this document.
std::vector<const content::Document*> gating_quizzes(const content::Space& space,
                                                     std::string_view document_id);

/// The quizzes gating `document` that `agent` has not passed on their current version, in the
/// space's order: what stands between the agent and the sign-off (empty: nothing).
std::vector<const content::Document*> quizzes_to_pass(const content::Space& space,
                                                      const content::Document& document,
                                                      std::string_view agent,
                                                      const std::vector<AttemptOutcome>& attempts);

/// Whether `agent` may sign `document` now: nullopt when they may, else why not, in words that
/// say what to do. A document gated by quizzes can be signed only after a passed attempt by
/// that agent on the current version of each of them (a pass on an older version does not
/// count: the questions may have changed with the procedure).
std::optional<std::string> signoff_refusal(const content::Space& space,
                                           const content::Document& document,
                                           std::string_view agent,
                                           const std::vector<AttemptOutcome>& attempts);

}  // namespace lectern::quiz
