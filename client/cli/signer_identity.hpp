#pragma once
// Who signs on this machine: the user and device of the client settings (`lectern login`) and
// the key `lectern enroll` made for them.

#include <optional>
#include <string>

#include "ledger/keys.hpp"
#include "sync/client_config.hpp"

namespace lectern::cli {

/// The client settings. Throws Error(InvalidArgument) saying to log in when there are none.
sync::ClientConfig require_client_config();

/// This device's key for the configured user, or nullopt when the device is not enrolled.
std::optional<ledger::StoredKey> enrolled_key(const sync::ClientConfig& config);

}  // namespace lectern::cli
