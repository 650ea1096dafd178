#pragma once
// A registered device key as the server vouches for it: the statement auditors keep.

#include "ledger/ed25519.hpp"
#include "ledger/receipt.hpp"
#include "store/store.hpp"

namespace lectern::server {

/// The key with its times in RFC 3339, signed by the server.
ledger::KeyStatement key_statement(const DeviceKey& key, const ledger::SigningKey& server_key);

}  // namespace lectern::server
