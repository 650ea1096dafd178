#pragma once
// The server's Ed25519 key: it signs receipts, log heads and key statements. Created once (at
// `init` or the first start) in the state folder, readable by the server's account only; losing
// it does not lose receipts, but new ones are then signed by a new key (docs/server-admin.md).

#include "ledger/ed25519.hpp"
#include "state_dir.hpp"

namespace lectern::server {

/// The key in the state folder, created (mode 0600) if there is none. Throws Error(Io).
ledger::SigningKey ensure_server_key(const StateDir& state);

/// The key in the state folder. Throws Error(NotFound) if there is none, Error(InvalidContent)
/// if the file is damaged.
ledger::SigningKey load_server_key(const StateDir& state);

}  // namespace lectern::server
