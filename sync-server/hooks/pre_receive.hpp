#pragma once
// `lectern-server hook pre-receive`: the check every push passes before git changes a ref.
// git runs it with the pushed objects in quarantine; a non-zero exit refuses the whole push
// and leaves the repository as it was. What it prints reaches the pusher's terminal.

#include <filesystem>
#include <iosfwd>
#include <string>

#include "state_dir.hpp"

namespace lectern::server {

/// Who pushes where; the server passes it to git in LECTERN_* variables.
struct PushContext {
    RepoKind kind = RepoKind::Content;
    std::string user;   ///< empty when the push did not come through the server
    std::string space;  ///< empty when the push did not come through the server
    std::filesystem::path state_dir;
};

/// The context from the environment git gives the hook.
PushContext push_context_from_environment();

/// Reads git's "<old> <new> <ref>" lines from `updates`, checks each update, writes the
/// reasons for refusing to `messages`. Returns the hook's exit code (0 accepts the push).
int run_pre_receive(const PushContext& context, std::istream& updates, std::ostream& messages);

/// After git stored a ledger push: issues the receipts of its records (and of any earlier
/// accepted record still without one) and tells the pusher. Returns the hook's exit code.
int run_post_receive(const PushContext& context, std::ostream& messages);

}  // namespace lectern::server
