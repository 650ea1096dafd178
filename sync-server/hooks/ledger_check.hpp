#pragma once
// What ledger.git accepts. Each updated ref must be refs/heads/agents/<pusher>/<device>, move
// forward only, and every new commit on it must add exactly one file records/<id>.json holding
// a valid record of the pusher's device, signed by that device's live registered key, about a
// document version that exists in the space's content.git, with an id never seen before in the
// space. A quiz-grade record must also come from a role that may grade essays in the space and
// grade an essay of an attempt already in its ledger. Anything else refuses the whole push,
// naming the commit and the reason.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "hooks/ref_update.hpp"
#include "state_dir.hpp"

struct git_repository;

namespace lectern::server {

struct LedgerPush {
    StateDir state;
    std::string space;
    std::string user;
};

/// The device of `ref` if it is refs/heads/agents/<user>/<device> with a valid device name.
std::optional<std::string> own_ledger_device(const std::string& ref, const std::string& user);

/// Checks every update against `ledger` (opened so that it sees the pushed objects), writes the
/// reasons for refusing to `messages`. True if the push may be stored.
bool check_ledger_push(const LedgerPush& push, git_repository* ledger,
                       const std::vector<RefUpdate>& updates, std::ostream& messages);

}  // namespace lectern::server
