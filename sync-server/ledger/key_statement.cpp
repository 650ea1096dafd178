#include "ledger/key_statement.hpp"

#include "ledger/utc_time.hpp"

namespace lectern::server {

ledger::KeyStatement key_statement(const DeviceKey& key, const ledger::SigningKey& server_key) {
    ledger::KeyStatement s;
    s.user = key.user;
    s.device = key.device;
    s.public_key = key.public_key;
    s.registered_at = ledger::format_utc(key.registered_at);
    if (key.revoked_at) s.revoked_at = ledger::format_utc(*key.revoked_at);
    ledger::sign_key_statement(s, server_key);
    return s;
}

}  // namespace lectern::server
